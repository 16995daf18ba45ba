import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { needsOwnProcess, splitByIsolation } from "./vitest-isolation";

describe("which test files run in a worker of their own", () => {
  it.each([
    ["vi.mock(\"@/lib/dal/session\", () => ({}));", true],
    ["const spy = vi.spyOn(console, \"warn\");", true],
    ["vi.useFakeTimers();", true],
    ["process.env.DATABASE_URL = url;", true],
    ["process.env[\"REDIS_URL\"] = url;", true],
    ["process.env.SITE_URL ??= \"http://127.0.0.1\";", true],
    ["delete process.env.REDIS_URL;", true],
    ["process.chdir(dir);", true],
    ["(globalThis as Record<string, unknown>).x = 1;", true],
    ["if (process.env.REQUIRE_POSTGRES === \"1\") throw new Error();", false],
    ["expect(render(\"**bold**\")).toBe(\"<p><strong>bold</strong></p>\");", false],
  ])("%s → alone: %s", (source, alone) => {
    expect(needsOwnProcess("lib/example.test.ts", source)).toBe(alone);
  });

  it("runs the command-line and server tests under scripts/ alone, whatever they contain", () => {
    expect(needsOwnProcess("scripts/start.test.ts", "expect(1).toBe(1);")).toBe(true);
  });

  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("finds every *.test.ts under the test folders, not in node_modules, and splits them", () => {
    root = mkdtempSync(path.join(tmpdir(), "breakingon-isolation-"));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    for (const dir of ["lib", "prisma", "scripts", "components"]) mkdirSync(path.join(root, dir), { recursive: true });
    write("lib/a/pure.test.ts", "expect(1).toBe(1);");
    write("lib/a/mocks.test.ts", "vi.mock(\"x\");");
    write("lib/a/helper.ts", "export {};");
    write("components/b.test.ts", "expect(2).toBe(2);");
    write("scripts/cli.test.ts", "expect(3).toBe(3);");
    write("scripts/tool/node_modules/dep/dep.test.ts", "expect(4).toBe(4);");
    expect(splitByIsolation(root)).toEqual({
      shared: ["components/b.test.ts", "lib/a/pure.test.ts"],
      isolated: ["lib/a/mocks.test.ts", "scripts/cli.test.ts"],
    });
  });
});
