import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { ForbiddenError, logRefusal } from "./session";

/**
 * Runs a multi-step write in one transaction. A refusal thrown inside it is written to the audit log after the
 * rollback, so the trace survives while the write leaves nothing behind (on SQLite, a write made on the side during
 * the transaction would share its connection and roll back with it).
 */
export async function transaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { isolationLevel?: Prisma.TransactionIsolationLevel }): Promise<T> {
  try {
    return await getDb().$transaction(fn, options);
  } catch (error) {
    if (error instanceof ForbiddenError) await logRefusal(error);
    throw error;
  }
}
