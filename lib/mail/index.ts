import "server-only";
import { enqueue } from "@/lib/jobs/enqueue";
import type { AccountTokenKind } from "@/lib/dal/account-tokens";
import { MAIL_FORGOT_JOB, MAIL_LINK_JOB, sendAccountLink } from "./jobs";
import { mailConfigured } from "./transport";

export { notifyStoryEvent, type StoryEvent } from "./notifications";
export { mailConfigured } from "./transport";

/**
 * Sends a person an invitation or reset link. With SMTP it is emailed from a job and null is returned; without SMTP
 * the link is made now, written to the server log and returned, for the admin who asked to pass on (shown once).
 */
export async function deliverAccountLink(userId: string, kind: AccountTokenKind, actorId: string): Promise<{ link: string | null }> {
  if (!mailConfigured()) return { link: await sendAccountLink(userId, kind, actorId) };
  await enqueue(MAIL_LINK_JOB, { userId, kind, actorId });
  return { link: null };
}

/** "Forgot password?": the lookup and the email happen in a job, so the answer takes the same time for any address. */
export async function requestPasswordReset(email: string): Promise<void> {
  await enqueue(MAIL_FORGOT_JOB, { email });
}
