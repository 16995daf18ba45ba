import "server-only";
import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db";
import { requirePermission } from "./session";

export const AUDIT_PAGE_SIZE = 50;

export type JsonValue = Prisma.JsonValue;

export interface AuditEntryView {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Where the record lives in the newsroom, when it has a page there. */
  href: string | null;
  details: JsonValue | null;
  ip: string | null;
}

export interface AuditLogPage {
  entries: AuditEntryView[];
  page: number;
  pageCount: number;
  total: number;
}

/** The audit page's filters, from its query string; a value that could not be one is dropped, not an error. */
export const auditLogQuerySchema = z.object({
  actorId: z.string().trim().max(40).regex(/^[a-z0-9]+$/i).optional().catch(undefined),
  action: z.string().trim().max(100).regex(/^[\w.:-]+$/).optional().catch(undefined),
  entityType: z.string().trim().max(60).regex(/^\w+$/).optional().catch(undefined),
});

export type AuditLogFilters = z.output<typeof auditLogQuerySchema> & { page?: number };

function recordHref(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entityType === "Article") return `/admin/stories/${entityId}`;
  return null;
}

/** One page of the audit log, newest first, optionally for one actor, action or kind of record. */
export async function listAuditLog(filters: AuditLogFilters = {}): Promise<AuditLogPage> {
  await requirePermission("audit.view", { entityType: "AuditLog" });
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.action && { action: filters.action }),
    ...(filters.entityType && { entityType: filters.entityType }),
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        details: true,
        ip: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  return {
    entries: rows.map((row) => ({ ...row, details: row.details ?? null, href: recordHref(row.entityType, row.entityId) })),
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
  };
}

export interface AuditFilterChoices {
  actors: { id: string; name: string; email: string }[];
  actions: string[];
  entityTypes: string[];
}

/** Who and what appears in the log, for the filter menus. */
export async function listAuditFilterChoices(): Promise<AuditFilterChoices> {
  await requirePermission("audit.view", { entityType: "AuditLog" });
  const db = getDb();
  const [actors, actions, entityTypes] = await Promise.all([
    db.user.findMany({ where: { auditEntries: { some: {} } }, orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } }),
    db.auditLog.findMany({ distinct: ["action"], orderBy: { action: "asc" }, select: { action: true } }),
    db.auditLog.findMany({ distinct: ["entityType"], orderBy: { entityType: "asc" }, select: { entityType: true } }),
  ]);
  return { actors, actions: actions.map((row) => row.action), entityTypes: entityTypes.map((row) => row.entityType) };
}

type Change = { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null };

/**
 * The before/after of the fields a write changed, as an audit entry records it: `{ name: { from, to } }`. Fields
 * that did not change are left out; an empty result means nothing changed.
 */
export function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T & string)[]): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const key of keys) {
    const from = (before[key] as unknown) ?? null;
    const to = (after[key] as unknown) ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from as Change["from"], to: to as Change["to"] };
  }
  return changes;
}
