// Small process helpers for the project's command-line scripts: run a step, and fail with one readable line.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export class StepError extends Error {
  override name = "StepError";
}

/** Runs a command with inherited output; rejects with a one-line StepError when it fails. */
export function run(command: string, args: string[], options: SpawnOptions & { what: string }): Promise<void> {
  return waitForExit(spawn(command, args, { stdio: "inherit", ...options }), options.what);
}

/** Resolves when the child exits successfully; rejects with a one-line StepError otherwise. */
export function waitForExit(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on("error", (error) => reject(new StepError(`${what} could not start: ${error.message}`)));
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new StepError(`${what} failed (${signal ?? `exit code ${code}`}); see the output above.`));
    });
  });
}

/** Runs an npm-installed binary from node_modules/.bin. */
export function runBin(bin: string, args: string[], options: SpawnOptions & { what: string }): Promise<void> {
  return run(process.execPath, [binPath(bin), ...args], options);
}

export function binPath(bin: string): string {
  const paths: Record<string, string> = {
    prisma: "node_modules/prisma/build/index.js",
    next: "node_modules/next/dist/bin/next",
    tsx: "node_modules/tsx/dist/cli.mjs",
    vitest: "node_modules/vitest/vitest.mjs",
    playwright: "node_modules/@playwright/test/cli.js",
    tsc: "node_modules/typescript/bin/tsc",
    eslint: "node_modules/eslint/bin/eslint.js",
  };
  const file = paths[bin];
  if (!file) throw new StepError(`unknown tool ${bin}`);
  return file;
}

/** Prints the error as one line (no stack) and exits non-zero. */
export function exitWithError(prefix: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${prefix}: ${message.split("\n").find((line) => line.trim()) ?? "unknown error"}`);
  process.exit(1);
}
