import "server-only";
import type { ZodType } from "zod";

// What each job name does. Kept on globalThis: Next bundles the instrumentation hook and the request handlers into
// separate module graphs, and a job registered in one must be found by the runner started in the other.

export interface JobContext {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when this runner loses the job (its lease could not be renewed) or is stopping: stop work and return. */
  signal: AbortSignal;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<void>;

export interface JobOptions<P> {
  /** Checked before the handler runs; a payload that fails it is given up at once (retrying cannot fix it). */
  payload?: ZodType<P>;
  /** Tries before giving up, counting runs whose worker died. Default 10. */
  maxAttempts?: number;
  /** Wait before the next try after `attempts` failures. Default: 30 s doubling to 1 h. */
  backoffMs?: (attempts: number) => number;
}

export interface JobDefinition {
  name: string;
  handler: JobHandler<unknown>;
  options: JobOptions<unknown>;
}

/** Thrown by a handler when trying again cannot help (the target is gone, the input is wrong): no more retries. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** Job names: letters, digits and `.:_-`, e.g. `webhook.deliver`. */
export const JOB_NAME = /^[a-z][a-z0-9.:_-]{0,99}$/i;

const registry = ((globalThis as { breakingOnJobs?: Map<string, JobDefinition> }).breakingOnJobs ??= new Map());

/** Says what to do for jobs of this name. Registering a name again replaces its handler (hot reload). */
export function registerJob<P>(name: string, handler: JobHandler<P>, options: JobOptions<P> = {}): void {
  if (!JOB_NAME.test(name)) throw new Error(`Job name "${name}" must start with a letter and use only letters, digits and .:_- (at most 100).`);
  if (options.maxAttempts !== undefined && !(Number.isInteger(options.maxAttempts) && options.maxAttempts >= 1 && options.maxAttempts <= 1000)) {
    throw new Error(`maxAttempts for job "${name}" must be a whole number from 1 to 1000.`);
  }
  registry.set(name, { name, handler: handler as JobHandler<unknown>, options: options as JobOptions<unknown> });
}

export function jobDefinition(name: string): JobDefinition | undefined {
  return registry.get(name);
}

export function registeredJobNames(): string[] {
  return [...registry.keys()].sort();
}

/** For tests: forgets a registration. */
export function unregisterJob(name: string): void {
  registry.delete(name);
}
