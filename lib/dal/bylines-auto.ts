import "server-only";
import type { Prisma } from "@/lib/db";
import { toSlug } from "@/lib/content/slug";
import { recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

/**
 * Gives a person a byline linked to their account, so their stories are signed from the first one (insertStory puts
 * the creator's byline on a new draft). Inside the caller's transaction, where the person is created. Idempotent: an
 * account that already has a byline keeps it. The slug is made from the name, with -2, -3… when taken; a name that
 * makes no slug ("—") gets "author".
 */
export async function ensureBylineForUser(tx: Tx, userId: string): Promise<{ id: string; slug: string; created: boolean }> {
  const existing = await tx.byline.findUnique({ where: { userId }, select: { id: true, slug: true } });
  if (existing) return { ...existing, created: false };
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true } });
  if (!user) throw new Error(`ensureBylineForUser: no user ${userId}`);
  const base = (toSlug(user.name) || "author").slice(0, 100);
  const taken = new Set((await tx.byline.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((b) => b.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  const created = await tx.byline.create({ data: { slug, name: user.name.trim() || "Author", userId }, select: { id: true, slug: true } });
  await recordAudit({ action: "byline.create", entityType: "Byline", entityId: created.id, details: { slug, userId, automatic: true } }, tx);
  return { ...created, created: true };
}
