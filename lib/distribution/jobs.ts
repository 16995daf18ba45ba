import "server-only";
import { z } from "zod";
import { abandonDelivery, currentHubUrl, deliveryForJob, recordDeliveryTry } from "@/lib/dal/webhooks";
import { PermanentJobError, registerJob } from "@/lib/jobs/registry";
import { DELIVERY_MAX_ATTEMPTS, WEBHOOK_DELIVER_JOB, WEBSUB_PING_JOB } from "./names";
import { deliverSigned, type PostOptions } from "./webhooks";
import { pingHub } from "./websub";

// The two jobs that carry an event out: one signed POST per endpoint, one ping to the WebSub hub. Each try is short
// (lib/distribution/webhooks.ts: 5 s, no redirects, no private addresses) and is retried with backoff by the queue;
// a delivery's every try is recorded on its row for the admin's log.

/** 10 s, 20 s, 40 s … at most an hour: an endpoint that is down for a deploy gets the event minutes later. */
export function distributionBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

const deliverSchema = z.object({ deliveryId: z.string().min(1).max(64) });
const pingSchema = z.object({ topics: z.array(z.url()).min(1).max(50) });

/** Test seam: the tests' receivers listen on 127.0.0.1 and some answer slowly. */
export const transportOptions: Pick<PostOptions, "timeoutMs" | "allowPrivate"> = {};

export async function runDelivery(deliveryId: string, attempt: number, signal?: AbortSignal): Promise<void> {
  const delivery = await deliveryForJob(deliveryId);
  // Deleted with its endpoint, or already delivered by an earlier run whose finish was not recorded: nothing to do.
  if (!delivery || delivery.status !== "pending") return;
  if (!delivery.endpoint.active) return abandonDelivery(delivery.id, "The endpoint was disabled before this event could be sent.");
  const result = await deliverSigned(delivery.endpoint.url, delivery.endpoint.secret, { id: delivery.id, event: delivery.event, body: delivery.payload }, { ...transportOptions, signal });
  const final = result.refused === true || attempt >= DELIVERY_MAX_ATTEMPTS;
  await recordDeliveryTry(delivery.id, result, { final });
  if (result.error === null) return;
  if (result.refused) throw new PermanentJobError(result.error);
  throw new Error(result.error);
}

export async function runPing(topics: string[], signal?: AbortSignal): Promise<void> {
  const hub = await currentHubUrl();
  if (!hub) return;
  const result = await pingHub(hub, topics, { ...transportOptions, signal });
  if (result.error === null) return;
  if (result.refused) throw new PermanentJobError(`WebSub hub ${hub}: ${result.error}`);
  throw new Error(`WebSub hub ${hub}: ${result.error}`);
}

/** Registers the distribution jobs on this process (idempotent: at server start, and by any module that queues them). */
export function registerDistributionJobs(): void {
  registerJob(WEBHOOK_DELIVER_JOB, ({ deliveryId }, { attempt, signal }) => runDelivery(deliveryId, attempt, signal), {
    payload: deliverSchema,
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
    backoffMs: distributionBackoffMs,
  });
  registerJob(WEBSUB_PING_JOB, ({ topics }, { signal }) => runPing(topics, signal), { payload: pingSchema, maxAttempts: DELIVERY_MAX_ATTEMPTS, backoffMs: distributionBackoffMs });
}

registerDistributionJobs();
