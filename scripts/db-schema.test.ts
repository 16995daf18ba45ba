import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINES, deriveSchema } from "./db-schema.mjs";

describe("per-engine Prisma schemas", () => {
  const models = readFileSync("prisma/models.prisma", "utf8");

  it.each(ENGINES as string[])("prisma/%s/schema.prisma is derived from prisma/models.prisma", (engine) => {
    const committed = readFileSync(`prisma/${engine}/schema.prisma`, "utf8");
    expect(committed, "run `npm run db:schema` after editing prisma/models.prisma").toBe(deriveSchema(engine, models));
  });

  it("names the right provider and its own client output for each engine", () => {
    const sqlite = deriveSchema("sqlite", "model A { id Int @id }");
    expect(sqlite).toContain('provider = "sqlite"');
    expect(sqlite).toContain('output       = "../../lib/generated/sqlite"');
    expect(deriveSchema("postgresql", "")).toContain('provider = "postgresql"');
  });
});
