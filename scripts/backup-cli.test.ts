// npm run backup / npm run restore from the command line: bad input is one readable line and exit code 1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const TSX = "node_modules/tsx/dist/cli.mjs";
const dir = mkdtempSync(path.join(tmpdir(), "breakingon-backup-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _url, ...base } = process.env;
  return spawnSync(process.execPath, [TSX, "--conditions=react-server", script, ...args], { env: { ...base, STORAGE_DIR: path.join(dir, "media"), BACKUP_DIR: path.join(dir, "backups"), ...env }, encoding: "utf8", timeout: 90_000 });
}

const lines = (text: string) => text.split("\n").filter((line) => line.trim());

describe("the backup commands refuse bad input in one line", () => {
  it("restore: a file that is not a backup archive, nothing written", () => {
    const file = path.join(dir, "garbage.tar.gz");
    writeFileSync(file, "this is not gzip");
    const db = path.join(dir, "target.db");
    const result = run("scripts/restore.ts", [file], { DATABASE_URL: `file:${db}` });
    expect(result.status).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^npm run restore: the archive is truncated or damaged \(.+\)$/)]);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(path.join(dir, "media"))).toBe(false);
  }, 120_000);

  it("restore without a file, and backup of a database that is not there", () => {
    const usage = run("scripts/restore.ts", [], {});
    expect(usage.status).toBe(1);
    expect(lines(usage.stderr)).toEqual(["npm run restore: usage: npm run restore -- FILE [--force] [--database-only] [--no-migrate]"]);
    const missing = path.join(dir, "missing.db");
    const backup = run("scripts/backup.ts", [], { DATABASE_URL: `file:${missing}` });
    expect(backup.status).toBe(1);
    expect(lines(backup.stderr)).toEqual([`npm run backup: there is no database at ${missing} to back up`]);
  }, 180_000);
});
