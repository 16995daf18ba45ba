// Child processes the benchmarks start (Next.js servers, Redis, nginx): each in its own process group, so stopping
// it stops everything it started, with the tail of its output kept for an error message.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const running = new Set<Started>();

export class Started {
  private tail = "";
  readonly child: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: SpawnOptions = {},
  ) {
    this.child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const keep = (chunk: Buffer) => (this.tail = (this.tail + chunk.toString()).slice(-4000));
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    running.add(this);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.tail;
  }

  async stop(signal: NodeJS.Signals = "SIGTERM", graceMs = 5000): Promise<void> {
    running.delete(this);
    if (!this.alive || !this.child.pid) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-this.child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** Stops every child still running (on the way out, also after an error). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `ready` until it answers true; fails with the child's last output when it dies or time runs out. */
export async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs: number, child?: Started): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && !child.alive) throw new Error(`${what} exited: ${child.output().trim().split("\n").slice(-5).join(" | ")}`);
    if (await ready().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} was not ready within ${Math.round(timeoutMs / 1000)} s${child ? `: ${child.output().trim().split("\n").slice(-5).join(" | ")}` : ""}`);
}
