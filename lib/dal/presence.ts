import "server-only";
import { getDb } from "@/lib/db";
import { requireUser } from "./session";
import { visibleWhere } from "./stories";

/** A heartbeat older than this means the person has closed the story. */
export const PRESENCE_WINDOW_MS = 45_000;
/** A keystroke reported within this long means the person is typing now. */
export const TYPING_WINDOW_MS = 8_000;

export interface Presence {
  name: string;
  lastSeenAt: Date;
  /** Reported a keystroke within TYPING_WINDOW_MS. */
  typing: boolean;
}

export interface PresenceBeat {
  others: Presence[];
  /** The story's stored version, so an editor with nothing unsaved can take in a colleague's save. */
  version: number;
}

/**
 * The soft lock: records that the signed-in user has the story open (and, with `typing`, is typing in it) and returns
 * who else does. It warns; it never blocks (the version check on save and the merge are what prevent lost edits).
 * Null when the user may not see the story.
 */
export async function beat(articleId: string, { typing = false, now = new Date() }: { typing?: boolean; now?: Date } = {}): Promise<PresenceBeat | null> {
  const user = await requireUser();
  const db = getDb();
  const story = await db.article.findFirst({ where: { AND: [{ id: articleId }, visibleWhere(user)] }, select: { version: true } });
  if (!story) return null;
  await db.editorPresence.upsert({
    where: { articleId_userId: { articleId, userId: user.id } },
    create: { articleId, userId: user.id, lastSeenAt: now, typingAt: typing ? now : null },
    update: { lastSeenAt: now, ...(typing && { typingAt: now }) },
  });
  const others = await db.editorPresence.findMany({
    where: { articleId, userId: { not: user.id }, lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    orderBy: { lastSeenAt: "desc" },
    select: { lastSeenAt: true, typingAt: true, user: { select: { name: true } } },
  });
  return {
    version: story.version,
    others: others.map((o) => ({ name: o.user.name, lastSeenAt: o.lastSeenAt, typing: !!o.typingAt && o.typingAt.getTime() > now.getTime() - TYPING_WINDOW_MS })),
  };
}

/** Who else has the story open (see beat). */
export async function heartbeat(articleId: string, options: { typing?: boolean; now?: Date } = {}): Promise<Presence[] | null> {
  return (await beat(articleId, options))?.others ?? null;
}

/** The user closed the editor. */
export async function leaveStory(articleId: string): Promise<void> {
  const user = await requireUser();
  await getDb().editorPresence.deleteMany({ where: { articleId, userId: user.id } });
}
