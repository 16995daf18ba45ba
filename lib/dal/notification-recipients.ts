import "server-only";
import { getDb } from "@/lib/db";

// Who gets a story's emails (lib/mail/notifications.ts). Background work acts for nobody, so there is no session
// check; only names and addresses of people who want this kind of email are returned. Disabled accounts and open
// invitations never get anything.

export type NotificationTopic = "review" | "workflow" | "failures";

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

const wants = { review: { notifyReview: true }, workflow: { notifyWorkflow: true }, failures: { notifyFailures: true } } as const;

export interface StoryFacts {
  headline: string;
  writerIds: string[];
}

/** The story's headline and its writers: the accounts linked to its bylines, and whoever created it. */
export async function storyFacts(articleId: string): Promise<StoryFacts | null> {
  const article = await getDb().article.findUnique({
    where: { id: articleId },
    select: { headline: true, createdById: true, bylines: { select: { byline: { select: { userId: true } } } } },
  });
  if (!article) return null;
  const ids = [article.createdById, ...article.bylines.map((b) => b.byline.userId)].filter((id): id is string => Boolean(id));
  return { headline: article.headline, writerIds: [...new Set(ids)] };
}

/** Editors and admins who want this topic, or the given people who want it; never `exceptId` (who caused it). */
export async function notificationRecipients(topic: NotificationTopic, audience: { editors: true } | { userIds: string[] }, exceptId: string | null): Promise<Recipient[]> {
  return getDb().user.findMany({
    where: {
      ...wants[topic],
      disabled: false,
      invitedAt: null,
      ...("editors" in audience ? { role: { in: ["EDITOR", "ADMIN"] } } : { id: { in: audience.userIds } }),
      ...(exceptId && { NOT: { id: exceptId } }),
    },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  });
}

/** A person's name for "X submitted …", or null. */
export async function personName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await getDb().user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}
