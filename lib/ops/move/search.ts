// The search index of the moved database, refilled through lib/search's own rebuild (what `npm run search:rebuild`
// does). The caller opens the client (lib/db is not this folder's door); the rebuild's one transaction gets room:
// Prisma ends an interactive transaction after 5 s by default, and refilling PostgreSQL's index for 5,000 stories
// took 15 s.
import { rebuildSearchIndex, type SqlClient, type SqlQueries } from "@/lib/search";
import type { Engine } from "./values";

const REBUILD_TIMEOUT_MS = 60 * 60_000;

export interface PrismaLikeClient extends SqlQueries {
  $transaction<R>(run: (tx: SqlQueries) => Promise<R>, options?: { maxWait?: number; timeout?: number }): PromiseLike<R>;
  $disconnect(): Promise<void>;
}

/** A rebuildSearch for moveDatabase: opens the target with `open`, refills its index, closes it. */
export function searchRebuilder(open: (url: string) => PrismaLikeClient): (url: string, engine: Engine) => Promise<number> {
  return async (url, engine) => {
    const db = open(url);
    try {
      const client: SqlClient = {
        $queryRaw: (query, ...values) => db.$queryRaw(query, ...values),
        $executeRaw: (query, ...values) => db.$executeRaw(query, ...values),
        $transaction: (run) => db.$transaction(run, { timeout: REBUILD_TIMEOUT_MS, maxWait: 60_000 }),
      };
      return await rebuildSearchIndex(client, engine);
    } finally {
      await db.$disconnect();
    }
  };
}
