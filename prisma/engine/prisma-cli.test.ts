// End to end: the real Prisma CLI (`npx prisma migrate …`) in a scratch project whose prisma.config.ts calls
// enableWasmSchemaEngineIfNeeded(), against a temporary SQLite file. Fails if the CLI would still look for (or try to
// download) the native engine, or if the shim's answers stop making sense to it.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WASM_SCHEMA_ENGINE_PATH } from "./index.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
let project: string;

/** Runs `npx prisma …` in the scratch project; never throws, returns exit code and output. */
async function prisma(...args: string[]) {
  // No inherited engine override and no DATABASE_URL: the config must choose the shim by itself.
  const env = { ...process.env };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["--no", "prisma", ...args], {
      cwd: project,
      // Offline: no update check; plain text output.
      env: { ...env, CI: "1", NO_COLOR: "1", CHECKPOINT_DISABLE: "1" },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: String(failed.stdout) + String(failed.stderr) };
  }
}

function writeSchema(extraField = "") {
  fs.writeFileSync(
    path.join(project, "prisma/schema.prisma"),
    `datasource db {\n  provider = "sqlite"\n}\n\n` +
      `model Note {\n  id    Int    @id @default(autoincrement())\n  title String\n${extraField}}\n`,
  );
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "prisma-cli-shim-"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "shim-e2e", private: true }));
  fs.writeFileSync(
    path.join(project, "prisma.config.ts"),
    [
      `import { defineConfig } from "prisma/config";`,
      `import { enableWasmSchemaEngineIfNeeded } from ${JSON.stringify(path.join(ROOT, "prisma/engine/index.mjs"))};`,
      `enableWasmSchemaEngineIfNeeded();`,
      `export default defineConfig({`,
      `  schema: "prisma/schema.prisma",`,
      `  migrations: { path: "prisma/migrations" },`,
      `  datasource: { url: "file:./data/e2e.db" },`,
      `});`,
    ].join("\n"),
  );
  const init = path.join(project, "prisma/migrations/20240101000000_init");
  fs.mkdirSync(init, { recursive: true });
  fs.writeFileSync(
    path.join(init, "migration.sql"),
    `CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL);\n`,
  );
  fs.writeFileSync(path.join(project, "prisma/migrations/migration_lock.toml"), `provider = "sqlite"\n`);
  writeSchema();
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

// Each step starts the Prisma CLI (a few seconds each on a busy two-core machine running two test files at once).
describe("Prisma CLI on the wasm schema engine (SQLite)", { timeout: 180_000 }, () => {
  it("uses the shim chosen in prisma.config.ts", async () => {
    const { code, out } = await prisma("version");
    expect(code).toBe(0);
    expect(out).toMatch(/Schema Engine\s+: schema-engine-cli [0-9a-f]{40} \(wasm\)/);
    expect(out).toContain("resolved by PRISMA_SCHEMA_ENGINE_BINARY");
    expect(out).toContain(path.relative(project, WASM_SCHEMA_ENGINE_PATH));
  });

  it("deploys the migrations to a new database and reports the status", async () => {
    const missing = await prisma("migrate", "status");
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("P1003");

    // An empty database (no migrations table yet): everything is pending.
    fs.mkdirSync(path.join(project, "data"), { recursive: true });
    fs.writeFileSync(path.join(project, "data/e2e.db"), "");
    const pending = await prisma("migrate", "status");
    expect(pending.out).toMatch(/Following migration have not yet been applied:\s+20240101000000_init/);
    expect(pending.code).toBe(1);
    fs.rmSync(path.join(project, "data/e2e.db"));

    const deploy = await prisma("migrate", "deploy");
    expect(deploy.out).toContain("SQLite database e2e.db created at file:./data/e2e.db");
    expect(deploy.out).toContain("All migrations have been successfully applied.");
    expect(deploy.code).toBe(0);

    const status = await prisma("migrate", "status");
    expect(status.out).toContain("Database schema is up to date!");
    expect(status.code).toBe(0);
  });

  it("creates and applies a new migration with migrate dev", async () => {
    writeSchema("  body  String?\n");
    const dev = await prisma("migrate", "dev", "--name", "add_body");
    expect(dev.out).toContain("Your database is now in sync with your schema.");
    expect(dev.code).toBe(0);
    const created = fs.readdirSync(path.join(project, "prisma/migrations")).find((name) => name.endsWith("_add_body"));
    expect(created).toMatch(/^\d{14}_add_body$/);
    expect(fs.readFileSync(path.join(project, "prisma/migrations", created!, "migration.sql"), "utf8")).toContain(
      `ALTER TABLE "Note" ADD COLUMN "body" TEXT;`,
    );

    const status = await prisma("migrate", "status");
    expect(status.out).toContain("2 migrations found");
    expect(status.out).toContain("Database schema is up to date!");
  });
});
