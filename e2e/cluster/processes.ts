// Child processes of the cluster harness: each keeps the tail of its output (shown when something fails) and can be
// stopped with a chosen signal. Every process the harness starts is registered here, so one call tears all down.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export class Child {
  private log = "";
  readonly process: ChildProcess;
  readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: SpawnOptions = {},
  ) {
    this.process = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-30_000);
    };
    this.process.stdout?.on("data", keep);
    this.process.stderr?.on("data", keep);
    this.exited = new Promise((resolve) => {
      this.process.once("exit", () => resolve());
      this.process.once("error", (error) => {
        this.log += `\n${name} could not start: ${error.message}`;
        resolve();
      });
    });
    running.add(this);
    void this.exited.then(() => running.delete(this));
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null && running.has(this);
  }

  output(): string {
    return this.log;
  }

  /** Sends the signal and waits for the exit; a process still there after `graceMs` is killed outright. */
  async stop(signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    this.process.kill(signal);
    const timer = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), graceMs).unref());
    if ((await Promise.race([this.exited.then(() => "done" as const), timer])) === "late") {
      this.process.kill("SIGKILL");
      await this.exited;
    }
  }
}

const running = new Set<Child>();

/** Stops every process still running (the harness's teardown, also on failure and Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop("SIGTERM", 5000)));
}

/** Synchronous last resort for process exit: SIGKILL whatever is left. */
export function killAllNow(): void {
  for (const child of running) if (child.alive) child.process.kill("SIGKILL");
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function runToEnd(name: string, command: string, args: string[], options: SpawnOptions = {}, timeoutMs = 120_000): Promise<string> {
  const child = new Child(name, command, args, options);
  const timer = setTimeout(() => child.process.kill("SIGKILL"), timeoutMs);
  await child.exited;
  clearTimeout(timer);
  if (child.process.exitCode !== 0) throw new Error(`${name} failed (${child.process.signalCode ?? `exit code ${child.process.exitCode}`}):\n${child.output().slice(-4000)}`);
  return child.output();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `ready` resolves true, or fails after `timeoutMs` with `what` and the process output. */
export async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs: number, child?: Child): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && !child.alive) throw new Error(`${what}: ${child.name} exited:\n${child.output().slice(-4000)}`);
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what}: not ready within ${timeoutMs / 1000} s${child ? `:\n${child.output().slice(-4000)}` : ""}`);
}
