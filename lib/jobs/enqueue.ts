import "server-only";
import { z } from "zod";
import { insertJob } from "@/lib/dal/jobs";
import type { DbClient } from "@/lib/dal/claims";
import { isStorableDate } from "@/lib/validation/dates";
import { JOB_NAME, jobDefinition } from "./registry";
import { pokeJobRunner } from "./runner";

/** The largest payload a job may carry, as JSON: jobs name their work (ids, URLs), they do not carry it. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const DEFAULT_MAX_ATTEMPTS = 10;

export class JobInputError extends Error {
  override name = "JobInputError";
}

export interface EnqueueOptions {
  /** When to run it; default now. */
  runAt?: Date;
  /** De-duplication: while a job with this key exists (pending, running or done and not yet pruned), enqueueing it again adds nothing. */
  key?: string;
  maxAttempts?: number;
  /** Enqueue inside this transaction, so the job exists exactly when the write that asked for it commits. */
  tx?: DbClient;
}

const optionsSchema = z.object({
  name: z.string().regex(JOB_NAME, "a job name starts with a letter and uses only letters, digits and .:_- (at most 100)"),
  runAt: z.date().refine(isStorableDate, "runAt must be a valid date between years 0001 and 9999"),
  key: z.string().min(1, "key must not be empty").max(200, "key must be at most 200 characters").optional(),
  maxAttempts: z.number().int().min(1).max(1000).optional(),
});

function toJson(name: string, payload: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch (error) {
    throw new JobInputError(`The payload of job "${name}" cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (text === undefined) throw new JobInputError(`The payload of job "${name}" cannot be stored as JSON.`);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new JobInputError(`The payload of job "${name}" is larger than ${MAX_PAYLOAD_BYTES} bytes as JSON.`);
  return JSON.parse(text);
}

/**
 * Adds durable background work: the handler registered under `name` runs it once it is due, on whichever instance
 * claims it first, retried with backoff when it fails. Returns the job's id, and whether it was added (false when a
 * job with the same key already exists). Bad input throws a JobInputError and adds nothing.
 */
export async function enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<{ id: string; created: boolean }> {
  const parsed = optionsSchema.safeParse({ name, runAt: options.runAt ?? new Date(), key: options.key, maxAttempts: options.maxAttempts });
  if (!parsed.success) throw new JobInputError(`Cannot enqueue job "${name}": ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const json = toJson(name, payload);
  const definition = jobDefinition(name);
  // Registered in this process: check the payload now, while the caller can still hear about it.
  const check = definition?.options.payload?.safeParse(json);
  if (check && !check.success) throw new JobInputError(`The payload of job "${name}" is not what its handler takes: ${check.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ")}`);
  const result = await insertJob(
    {
      name,
      payload: json as Parameters<typeof insertJob>[0]["payload"],
      runAt: parsed.data.runAt,
      key: parsed.data.key ?? null,
      maxAttempts: parsed.data.maxAttempts ?? definition?.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    },
    options.tx,
  );
  // Inside a transaction the job is not visible until the caller commits; the runner's next wake finds it.
  if (result.created && !options.tx) pokeJobRunner();
  return result;
}
