// The rebuild runs as one transaction, and Prisma ends an interactive transaction after 5 s unless told otherwise:
// `npm run search:rebuild` failed on PostgreSQL for a 5,000-story site (about 15 s). Both engines must ask for room.
import { describe, expect, it } from "vitest";
import { searchEngineFor, type SqlClient, type SqlQueries } from "./index";

function recordingClient() {
  const asked: ({ maxWait?: number; timeout?: number } | undefined)[] = [];
  const queries: SqlQueries = {
    // A count of 2 indexed stories.
    $queryRaw: async <T,>(query: TemplateStringsArray) => (query.join("?").includes("count(*)") ? [{ total: 2 }] : []) as T,
    $executeRaw: async () => 0,
  };
  const client: SqlClient = {
    ...queries,
    $transaction: async (run, options) => {
      asked.push(options);
      return run(queries);
    },
  };
  return { client, asked };
}

describe.each(["sqlite", "postgresql"] as const)("the search index rebuild [%s]", (engine) => {
  it("refills the index in one transaction allowed minutes, not Prisma's default 5 s", async () => {
    const { client, asked } = recordingClient();
    expect(await searchEngineFor(engine).rebuild(client)).toBe(2);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.timeout).toBeGreaterThanOrEqual(10 * 60_000);
    expect(asked[0]?.maxWait).toBeGreaterThan(5_000);
  });
});
