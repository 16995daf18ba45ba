import "server-only";
import { enqueue } from "@/lib/jobs/enqueue";
import { MAIL_NOTIFY_JOB } from "./jobs";

/** Something about a story that people may want an email about (each person can turn each kind off). */
export type StoryEvent =
  | { kind: "submitted"; articleId: string; actorId: string | null }
  | { kind: "sent-back"; articleId: string; actorId: string | null; note: string }
  | { kind: "published"; articleId: string; actorId: string | null }
  | { kind: "schedule-failed"; articleId: string; what: "publish" | "update"; error: string };

/**
 * Queues the emails an event causes (as a background job; never sends inline, never throws into the caller's write).
 * "submitted" goes to editors and admins, "sent-back" and "published" to the story's writers (its bylines' accounts
 * and its creator), "schedule-failed" to editors and admins; never to whoever caused it, nor to anyone who turned
 * that kind off, is disabled or has not accepted their invitation yet.
 */
export async function notifyStoryEvent(event: StoryEvent): Promise<void> {
  try {
    await enqueue(MAIL_NOTIFY_JOB, { event });
  } catch (error) {
    console.error(`mail: could not queue the ${event.kind} notification for story ${event.articleId}`, error);
  }
}
