import "server-only";
import { getDb } from "@/lib/db";
import { requireUser } from "./session";
import { visibleWhere } from "./stories";

/** A heartbeat older than this means the person has closed the story. */
export const PRESENCE_WINDOW_MS = 45_000;

export interface Presence {
  name: string;
  lastSeenAt: Date;
}

/**
 * The soft lock: records that the signed-in user has the story open and returns who else does. It warns; it never
 * blocks (the version check on save is what prevents lost edits).
 */
export async function heartbeat(articleId: string, now: Date = new Date()): Promise<Presence[] | null> {
  const user = await requireUser();
  const db = getDb();
  const visible = await db.article.count({ where: { AND: [{ id: articleId }, visibleWhere(user)] } });
  if (!visible) return null;
  await db.editorPresence.upsert({
    where: { articleId_userId: { articleId, userId: user.id } },
    create: { articleId, userId: user.id, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  const others = await db.editorPresence.findMany({
    where: { articleId, userId: { not: user.id }, lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    orderBy: { lastSeenAt: "desc" },
    select: { lastSeenAt: true, user: { select: { name: true } } },
  });
  return others.map((o) => ({ name: o.user.name, lastSeenAt: o.lastSeenAt }));
}

/** The user closed the editor. */
export async function leaveStory(articleId: string): Promise<void> {
  const user = await requireUser();
  await getDb().editorPresence.deleteMany({ where: { articleId, userId: user.id } });
}
