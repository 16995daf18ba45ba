// Playwright's JSON report (test-results/playwright-<port>.json): its specs, each with its file under e2e/, however
// deeply the report nests them in suites (describe blocks). Read by the lane planner's durations and npm test's
// list of failed tests.

export interface PlaywrightSpec {
  title?: string;
  file?: string;
  line?: number;
  tests?: { projectName?: string; status?: string; results?: { duration?: number }[] }[];
}

export interface PlaywrightSuite {
  title?: string;
  file?: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites?: PlaywrightSuite[];
}

/** Every spec in the report with its file as the repository names it ("e2e/x.spec.ts"). */
export function specsIn(report: PlaywrightReport): { file: string; spec: PlaywrightSpec }[] {
  const out: { file: string; spec: PlaywrightSpec }[] = [];
  const walk = (suite: PlaywrightSuite, file: string | undefined) => {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) out.push({ file: `e2e/${spec.file ?? here ?? ""}`, spec });
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, undefined);
  return out;
}
