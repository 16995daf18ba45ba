// Which test files need a process of their own. Vitest runs each file in a fresh worker by default (isolate), which
// costs every file a Node start and a fresh import of everything it loads (the Prisma clients, the Markdown pipeline):
// on CI's two loaded cores about a fifth of the Vitest stage. Most files leave nothing behind and share workers; a
// file that replaces modules or process-wide state runs alone, because what it replaces would stay replaced for (or,
// already imported, be ignored by) the next file in its worker:
// - module mocks and spies (vi.mock, vi.doMock, vi.spyOn, vi.stub*), fake timers;
// - process.chdir, assignments to process.env, writes to globalThis;
// - scripts/*: they spawn the app's command-line tools and servers, and some change the working directory.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the tests are: every *.test.ts under these folders. */
export const TEST_ROOTS = ["lib", "prisma", "scripts", "components"];

const NEEDS_OWN_PROCESS = [
  /\bvi\.(mock|doMock|unmock|spyOn|stubGlobal|stubEnv|useFakeTimers)\(/,
  /\bprocess\.chdir\(/,
  /\bprocess\.env(\.[A-Za-z_]\w*|\[[^\]]+\])\s*(\?\?|\|\||&&)?=[^=]/,
  /\bdelete process\.env\b/,
  /\bglobalThis\b/,
];

/** Whether a test file (its source) replaces something a later file in the same worker would see. */
export function needsOwnProcess(file: string, source: string): boolean {
  return file.startsWith("scripts/") || NEEDS_OWN_PROCESS.some((pattern) => pattern.test(source));
}

/** The test files under root, split into those that share workers and those that run alone. */
export function splitByIsolation(root: string): { shared: string[]; isolated: string[] } {
  const shared: string[] = [];
  const isolated: string[] = [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== "node_modules") walk(child);
      else if (entry.isFile() && entry.name.endsWith(".test.ts")) files.push(child);
    }
  };
  for (const dir of TEST_ROOTS) if (existsSync(path.join(root, dir))) walk(dir);
  for (const file of files.sort()) (needsOwnProcess(file, readFileSync(path.join(root, file), "utf8")) ? isolated : shared).push(file);
  return { shared, isolated };
}
