import type { LoggerInstance } from "next-auth";

/**
 * next-auth errors that anyone can cause from outside and that need no one's attention: a session cookie that
 * cannot be read (forged, from another secret, truncated). next-auth would print each with its stack trace, so a
 * loop of forged cookies filled the log. These are counted and summed up in one line a minute instead.
 */
const EXPECTED = new Set(["JWT_SESSION_ERROR"]);
export const SUMMARY_INTERVAL_MS = 60_000;

export function createAuthLogger(write: Pick<Console, "error" | "warn"> = console, now: () => number = Date.now): LoggerInstance {
  let quietSince = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  return {
    error(code, metadata) {
      if (!EXPECTED.has(code)) {
        write.error(`[next-auth][error][${code}]`, metadata);
        return;
      }
      unreported++;
      if (now() - quietSince < SUMMARY_INTERVAL_MS) return;
      const message = metadata instanceof Error ? metadata.message : (metadata as { message?: unknown } | undefined)?.message;
      write.warn(`next-auth: refused ${unreported} unreadable session cookie${unreported === 1 ? "" : "s"} (${code}${message ? `: ${String(message).slice(0, 80)}` : ""}); further ones are summed up once a minute.`);
      unreported = 0;
      quietSince = now();
    },
    warn(code) {
      write.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  };
}
