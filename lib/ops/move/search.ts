// The search index of the moved database, refilled through lib/search's own rebuild (what `npm run search:rebuild`
// does, with the room its one transaction needs: REBUILD_TRANSACTION). The caller opens the client (lib/db is not this
// folder's door).
import { rebuildSearchIndex, type SqlClient } from "@/lib/search";
import type { Engine } from "./values";

export interface PrismaLikeClient extends SqlClient {
  $disconnect(): Promise<void>;
}

/** A rebuildSearch for moveDatabase: opens the target with `open`, refills its index, closes it. */
export function searchRebuilder(open: (url: string) => PrismaLikeClient): (url: string, engine: Engine) => Promise<number> {
  return async (url, engine) => {
    const db = open(url);
    try {
      return await rebuildSearchIndex(db, engine);
    } finally {
      await db.$disconnect();
    }
  };
}
