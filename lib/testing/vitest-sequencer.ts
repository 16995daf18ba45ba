// Vitest's own order runs larger files first, and the longest files here are the smallest (hostile.*.test.ts only
// call the shared suite), so on a fresh clone (no timing cache: CI) they started last and the SQLite one ran alone
// for two minutes while the other worker sat idle. This order starts the files with the longest known times first
// (lib/testing/vitest-durations.json, from the last `npm test`: `npm run e2e:durations` refreshes both timing
// files), then the rest in Vitest's order.
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import durations from "./vitest-durations.json";

const KNOWN: Record<string, number> = durations;

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification) => KNOWN[path.relative(root, spec.moduleId).split(path.sep).join("/")] ?? -1;
    // Array.prototype.sort is stable: files with the same (or no) known time keep Vitest's order.
    return [...ordered].sort((a, b) => seconds(b) - seconds(a));
  }
}
