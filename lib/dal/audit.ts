import "server-only";
import { getDb, type Prisma } from "@/lib/db";

type AuditClient = Pick<ReturnType<typeof getDb>, "auditLog"> | Prisma.TransactionClient;

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
}

/** Records one line of the audit log, inside the caller's transaction when one is given. */
export async function recordAudit(entry: AuditEntry, client: AuditClient = getDb()): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}
