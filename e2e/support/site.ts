import { createDb } from "../../lib/db";

export const SOURCE_SLUG = "trump-administration-considers-military-action-against-mexican-drug-cartels";
export const SOURCE_HEADLINE = "Trump Administration Considers Military Action Against Mexican Drug Cartels";
export const OLDER_SLUG = "mexico-expands-border-patrols-after-talks";
export const BREAKING_SLUG = "storm-makes-landfall-on-gulf-coast";
export const HIDDEN_MARKER = "Zebracorn";
export const HIDDEN_SLUGS = ["zebracorn-draft", "zebracorn-in-review", "zebracorn-scheduled", "zebracorn-archived", "zebracorn-future"];

/** The database the e2e server (scripts/e2e-server.ts) serves, for specs that write as the newsroom would. */
export function e2eDb() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return createDb(port === 3100 ? "file:./data/e2e.db" : `file:./data/e2e-${port}.db`);
}

/** Runs one piece of set-up or checking against the e2e database, with a connection of its own. */
export async function withDb<T>(run: (db: ReturnType<typeof e2eDb>) => Promise<T>): Promise<T> {
  const db = e2eDb();
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
  }
}
