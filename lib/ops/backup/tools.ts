// Runs the database's own tools (pg_dump, pg_restore) and the Prisma CLI, turning a failure into one readable line.
import { spawn } from "node:child_process";
import { BackupError } from "./manifest";

/** Runs `command` and resolves when it succeeds; BackupError naming the tool and its first line of complaint otherwise. */
export function runTool(command: string, args: string[], what: string, options: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(new BackupError(error.code === "ENOENT" ? `${what} is not installed (install the PostgreSQL client: apt-get install postgresql-client)` : `${what} could not start: ${error.message}`)),
    );
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve(output);
      const complaint = output.split("\n").map((line) => line.trim()).find((line) => /error|fatal|failed/i.test(line)) ?? output.trim().split("\n")[0] ?? "";
      reject(new BackupError(`${what} failed (${signal ?? `exit code ${code}`}): ${redact(complaint)}`));
    });
  });
}

/** Passwords in connection strings never reach a log line. */
export function redact(text: string): string {
  return text.replace(/(\/\/[^:/@\s]+:)[^@\s]+@/g, "$1***@");
}
