// The events a webhook endpoint may subscribe to, and the job names that carry them (no imports: the data layer,
// the jobs and the admin's form all read these).

export const WEBHOOK_EVENTS = ["story.published", "story.updated", "story.unpublished", "story.corrected", "live.entry.posted"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by the admin's "Send test" button, to the one endpoint, whatever it subscribes to. */
export const TEST_EVENT = "webhook.test";

export const EVENT_LABELS: Record<WebhookEvent, string> = {
  "story.published": "Story published",
  "story.updated": "Story updated (substantive)",
  "story.unpublished": "Story unpublished",
  "story.corrected": "Correction or update note added",
  "live.entry.posted": "Live entry posted",
};

export const WEBHOOK_DELIVER_JOB = "webhook.deliver";
export const WEBSUB_PING_JOB = "websub.ping";

/** Tries per delivery and per ping before giving up (backoff: 10 s doubling, so the last try is about 20 minutes in). */
export const DELIVERY_MAX_ATTEMPTS = 8;

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
