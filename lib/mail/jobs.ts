import "server-only";
import { z } from "zod";
import { enqueue } from "@/lib/jobs/enqueue";
import { registerJob } from "@/lib/jobs/registry";
import { issueLinkToken, linkRecipient, type AccountTokenKind } from "@/lib/dal/account-tokens";
import { notificationRecipients, personName, storyFacts } from "@/lib/dal/notification-recipients";
import { getSiteSettings } from "@/lib/dal/settings";
import { accountLinkPath, absoluteUrl, inviteMessage, resetMessage, storyMessage } from "./templates";
import { deliverMail, mailConfigured } from "./transport";
import type { StoryEvent } from "./notifications";

// Every email goes out from a job on the durable queue (lib/jobs): a slow or unreachable SMTP server delays the
// email and is retried with backoff, and never holds a request. Links are made inside the job (the token is issued
// as the email is sent), so no raw token is ever stored, not even in the Job table.

export const MAIL_SEND_JOB = "mail.send";
export const MAIL_LINK_JOB = "mail.account-link";
export const MAIL_FORGOT_JOB = "mail.forgot-password";
export const MAIL_NOTIFY_JOB = "mail.notify";

const messageSchema = z.object({ to: z.string().min(3), subject: z.string().min(1), text: z.string(), html: z.string() });
const linkSchema = z.object({ userId: z.string().min(1), kind: z.enum(["invite", "reset"]), actorId: z.string().nullable() });
const forgotSchema = z.object({ email: z.string().min(1).max(254) });
const notifySchema = z.object({ event: z.custom<StoryEvent>((value) => typeof value === "object" && value !== null && "kind" in value && "articleId" in value) });

async function siteName(): Promise<string> {
  try {
    return (await getSiteSettings()).name;
  } catch {
    return "BreakingOn";
  }
}

/** Makes a fresh link for the person and either emails it or, without SMTP, writes it to the server log (one line). */
export async function sendAccountLink(userId: string, kind: AccountTokenKind, actorId: string | null): Promise<string | null> {
  const person = await linkRecipient({ userId }, kind);
  if (!person) return null;
  const token = await issueLinkToken(person.userId, kind, actorId);
  const link = absoluteUrl(accountLinkPath(kind, token));
  if (!mailConfigured()) {
    console.log(`mail: no SMTP_URL, so this ${kind === "invite" ? "invitation" : "password reset"} for ${person.email} was not emailed; its link: ${link}`);
    return link;
  }
  const name = await siteName();
  const invitedBy = kind === "invite" ? await personName(actorId) : null;
  await deliverMail(kind === "invite" ? inviteMessage({ to: person.email, name: person.name, siteName: name, invitedBy, link }) : resetMessage({ to: person.email, name: person.name, siteName: name, link }));
  return link;
}

async function notify(event: StoryEvent, jobId: string): Promise<void> {
  const facts = await storyFacts(event.articleId);
  if (!facts) return;
  const actorId = "actorId" in event ? event.actorId : null;
  const recipients =
    event.kind === "submitted"
      ? await notificationRecipients("review", { editors: true }, actorId)
      : event.kind === "schedule-failed"
        ? await notificationRecipients("failures", { editors: true }, null)
        : await notificationRecipients("workflow", { userIds: facts.writerIds }, actorId);
  if (recipients.length === 0) return;
  const [name, actor] = await Promise.all([siteName(), personName(actorId)]);
  const editLink = absoluteUrl(`/admin/stories/${event.articleId}`);
  for (const person of recipients) {
    const message = storyMessage({
      to: person.email,
      kind: event.kind,
      siteName: name,
      headline: facts.headline,
      actor,
      editLink,
      ...(event.kind === "sent-back" && { note: event.note }),
      ...(event.kind === "schedule-failed" && { what: event.what, error: event.error }),
    });
    // One job per person: one refusing address does not hold up (or re-send) the others.
    await enqueue(MAIL_SEND_JOB, message, { key: `${MAIL_SEND_JOB}:${jobId}:${person.id}`, maxAttempts: 8 });
  }
}

/** Registers the mail jobs on this process (idempotent; any module that queues mail calls it). */
export function registerMailJobs(): void {
  registerJob(MAIL_SEND_JOB, (message) => deliverMail(message), { payload: messageSchema, maxAttempts: 8 });
  registerJob(MAIL_LINK_JOB, async ({ userId, kind, actorId }) => void (await sendAccountLink(userId, kind, actorId)), { payload: linkSchema, maxAttempts: 8 });
  registerJob(
    MAIL_FORGOT_JOB,
    async ({ email }) => {
      const person = await linkRecipient({ email }, "reset");
      if (person) await sendAccountLink(person.userId, "reset", null);
    },
    { payload: forgotSchema, maxAttempts: 5 },
  );
  registerJob(MAIL_NOTIFY_JOB, ({ event }, { jobId }) => notify(event, jobId), { payload: notifySchema, maxAttempts: 8 });
}

registerMailJobs();
