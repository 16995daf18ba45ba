// The search index of the moved database, refilled through lib/search's own rebuild (what `npm run search:rebuild`
// does, with the room its one transaction needs: REBUILD_TRANSACTION). The caller opens the client (lib/db is not this
// folder's door).
import { rebuildSearchIndex, type SqlClient, type SqlQueries } from "@/lib/search";
import type { Engine } from "./values";

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
        $transaction: (run, options) => db.$transaction(run, options),
      };
      return await rebuildSearchIndex(client, engine);
    } finally {
      await db.$disconnect();
    }
  };
}
