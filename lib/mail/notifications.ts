import "server-only";

/** Something about a story that people may want an email about (each person can turn each kind off). */
export type StoryEvent =
  | { kind: "submitted"; articleId: string; actorId: string | null }
  | { kind: "sent-back"; articleId: string; actorId: string | null; note: string }
  | { kind: "published"; articleId: string; actorId: string | null }
  | { kind: "schedule-failed"; articleId: string; what: "publish" | "update"; error: string };

/**
 * Queues the emails an event causes (as a background job; never sends inline, never throws into the caller's write).
 * Contract for the newsroom issue's writers (workflow, scheduler); the mail work fills in the body.
 */
export async function notifyStoryEvent(event: StoryEvent): Promise<void> {
  void event;
}
