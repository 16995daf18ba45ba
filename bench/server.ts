// The server the reader and history benchmarks load: the bench build on a fresh seeded database, on loopback, started the way
// the e2e tests start it (scripts/e2e-server.ts), in its own process group so stopping it stops Next.js too.
import { spawn, type ChildProcess } from "node:child_process";

export interface BenchServer {
  base: string;
  stop(): void;
}

async function waitForServer(child: ChildProcess, base: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start within ${Math.round(timeoutMs / 60_000)} minutes`);
}

/**
 * Serves the bench build (bench/build.ts; `buildEnv` is the environment it returned, so the server never builds)
 * on `port`; resolves once the home page answers.
 */
export async function startBenchServer(port: number, distDir: string, buildEnv: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/e2e-server.ts"], {
    env: { ...buildEnv, E2E_PORT: String(port), NEXT_DIST_DIR: distDir, E2E_SKIP_BUILD: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  try {
    await waitForServer(child, base, timeoutMs);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
