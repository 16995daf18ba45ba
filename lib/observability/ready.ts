// Readiness (/api/ready): may this instance take traffic? The database answers, every migration of this release is
// applied, media storage takes a write, and the background job runner is alive. Each check has a time limit, so a
// hung database makes the probe answer "unavailable" instead of hanging the load balancer's request.
import "server-only";

export const CHECK_TIMEOUT_MS = 3000;

export type CheckName = "database" | "migrations" | "storage" | "jobRunner";

export interface CheckResult {
  ok: boolean;
  /** For operators only (the route shows it to the ops token and signed-in admins): what failed, or what was seen. */
  detail?: string;
  ms: number;
}

export interface Readiness {
  status: "ok" | "unavailable";
  checks: Record<CheckName, CheckResult>;
}

/** A check resolves with an optional note when all is well and throws (with the reason) when not. */
export type Check = () => Promise<string | void>;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function run(check: Check, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  try {
    const note = await withTimeout(Promise.resolve().then(check), timeoutMs);
    return { ok: true, ...(note ? { detail: note } : {}), ms: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    // One line (Prisma's messages start with a blank line and spread over several).
    const detail = reason.split("\n").map((line) => line.trim()).filter(Boolean).join(" ").slice(0, 300) || "failed";
    return { ok: false, detail, ms: Math.round(performance.now() - started) };
  }
}

/** Runs every check at once; ready only when all pass. */
export async function checkReadiness(checks: Record<CheckName, Check>, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const names = Object.keys(checks) as CheckName[];
  const results = await Promise.all(names.map((name) => run(checks[name], timeoutMs)));
  const table = Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<CheckName, CheckResult>;
  return { status: results.every((result) => result.ok) ? "ok" : "unavailable", checks: table };
}

/** What /api/ready needs from the job runner (lib/jobs/runner.ts liveness). */
export interface RunnerLiveness {
  liveness(): { lastPassAt: number | null; busy: boolean };
}

/**
 * The runner is alive when it is running a job (its lease heartbeat keeps it honest) or finished a look at the
 * queue recently: it looks at least every poll interval, so twice that plus a margin has passed only if it is stuck.
 * With the runner off (SCHEDULER_POLL_MS=0) there is nothing to wait for.
 */
export function jobRunnerCheck(runner: RunnerLiveness | undefined, pollMs: number, now: () => number = Date.now): Check {
  return async () => {
    if (pollMs === 0) return "off (SCHEDULER_POLL_MS=0)";
    if (!runner) throw new Error("the job runner was not started");
    const { lastPassAt, busy } = runner.liveness();
    if (busy) return "running a job";
    const limit = 2 * pollMs + 30_000;
    if (lastPassAt === null) throw new Error("the job runner has not looked at the queue yet");
    const age = now() - lastPassAt;
    if (age > limit) throw new Error(`the job runner last looked at the queue ${Math.round(age / 1000)} s ago`);
    return `last pass ${Math.round(age / 1000)} s ago`;
  };
}

/** Storage takes a write: an object is written, read back and removed. */
export interface ProbeStorage {
  put(objectKey: string, data: Uint8Array): Promise<void>;
  get(objectKey: string): Promise<Buffer | null>;
  delete(objectKey: string): Promise<void>;
}

export function storageCheck(storage: () => ProbeStorage, probeKey: () => string): Check {
  return async () => {
    const store = storage();
    const key = probeKey();
    const bytes = new TextEncoder().encode(`readiness probe ${key}`);
    try {
      await store.put(key, bytes);
      const back = await store.get(key);
      if (!back || !back.equals(Buffer.from(bytes))) throw new Error("what was written could not be read back");
    } finally {
      await store.delete(key).catch(() => {});
    }
  };
}
