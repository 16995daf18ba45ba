import { afterEach, describe, expect, it } from "vitest";
import { BuildReadsNoDatabaseError, getDb } from "./db";

describe("the database door while Next.js builds", () => {
  const saved = process.env.NEXT_PHASE;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXT_PHASE;
    else process.env.NEXT_PHASE = saved;
  });

  it("refuses: a build that reads the database would bake one database's content into a build meant for any", () => {
    process.env.NEXT_PHASE = "phase-production-build";
    expect(() => getDb()).toThrow(BuildReadsNoDatabaseError);
  });

  it("opens as usual when serving", () => {
    delete process.env.NEXT_PHASE;
    expect(getDb()).toBeDefined();
  });
});
