import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";

// Background work runs in every instance at once, so every state change it makes must be one that only one worker
// can win. Two tools, used together:
// - On PostgreSQL a worker first locks the row it is about to change with FOR UPDATE SKIP LOCKED, inside the
//   transaction that changes it: a row another worker is busy with is skipped, not waited for, and the lock goes
//   with the transaction (a worker that dies mid-way rolls back and frees it).
// - The change itself is a conditional update (`where` the state is still as read) whose count decides who writes
//   the revision and the audit entry. SQLite has one writer at a time and one instance by definition, so there the
//   conditional update alone is the claim.

export type DbClient = Db | Prisma.TransactionClient;

/** Tables background work claims rows of. */
type ClaimedTable = "Article" | "ScheduledUpdate" | "Job";

export function isPostgres(): boolean {
  return resolveDatabaseUrl(process.env.DATABASE_URL).engine === "postgresql";
}

/**
 * Locks one row for the rest of the transaction unless another transaction holds it. True when this worker may go
 * on; false when the row is someone else's (or gone). Always true on SQLite, where writers take turns anyway.
 */
export async function lockRowIfFree(tx: Prisma.TransactionClient, table: ClaimedTable, id: string): Promise<boolean> {
  if (!isPostgres()) return true;
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR UPDATE SKIP LOCKED`, id);
  return rows.length > 0;
}
