// Server start-up on the Node.js runtime: configuration is validated here, so a bad setting stops the server with
// one clear line instead of failing on the first request; then the publishing scheduler starts.
import type { Env } from "./env-schema";
import { stampPeerAddresses } from "./auth/peer-address";

// Before any request is read: the visitor's address comes from the socket, not from what the client claims.
stampPeerAddresses();

let env: Env;
try {
  ({ env } = await import("./env"));
} catch (error) {
  console.error(`BreakingOn cannot start: ${(error as Error).message}`);
  process.exit(1);
}

if (env.SCHEDULER_POLL_MS > 0 && process.env.NEXT_PHASE !== "phase-production-build") {
  const [{ startScheduler }, { publishDueArticles, nextScheduledEvent }, { requestRevalidation, internalSecret }, { TAGS, tagsForArticle }] = await Promise.all([
    import("./publishing/scheduler"),
    import("./dal/scheduling"),
    import("./publishing/revalidation"),
    import("./cache/tags"),
  ]);
  const secret = internalSecret(env.NEXTAUTH_SECRET);
  const scheduler = startScheduler(
    {
      publishDue: publishDueArticles,
      nextEvent: nextScheduledEvent,
      invalidate: (changes) =>
        requestRevalidation([...new Set([TAGS.articles, ...changes.flatMap(tagsForArticle)])], { baseUrl: env.INTERNAL_URL, secret }),
    },
    env.SCHEDULER_POLL_MS,
  );
  (globalThis as { breakingOnScheduler?: unknown }).breakingOnScheduler = scheduler;
}

export {};
