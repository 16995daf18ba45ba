import { z, type ZodType } from "zod";
import { cleanInput } from "@/lib/validation/clean-input";

/** What every newsroom server action answers: success with a message, or field errors and/or one form-level message. */
export type ActionState<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; conflict?: ConflictView }
  | null;

/** A refused save's "someone else saved first": who, when, and the version now stored. */
export interface ConflictView {
  currentVersion: number;
  savedBy: string | null;
  savedAt: string;
}

/** A refusal the data layer raises on purpose; its message is safe to show. */
export class ActionError extends Error {
  override name = "ActionError";
}

/**
 * Each message under the field it is about: the last named step of its path, so a field nested in the input (the
 * editor sends its fields under `fields`, tags as a list) is still marked on the form by its own name.
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = issue.path.findLast((step) => typeof step === "string");
    if (name === undefined) continue;
    (out[name] ??= []).push(issue.message);
  }
  return out;
}

const SAFE_ERRORS = new Set(["ActionError", "UnauthorizedError", "ForbiddenError", "NotFoundError", "ConflictError", "InUseError", "SetupClosedError", "ValidationError"]);

/**
 * Cleans every string of characters no field can hold (lib/validation/clean-input.ts), validates input with the
 * action's zod schema, runs the one data-layer call, and turns the data layer's known
 * refusals into a message for the form. Anything else is a bug: logged, and answered without its details.
 */
export async function runAction<S extends ZodType, T = undefined>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<{ message: string; data?: T }>,
): Promise<ActionState<T>> {
  const parsed = schema.safeParse(cleanInput(input));
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error), values: echoValues(input) };
  try {
    const { message, data } = await run(parsed.data);
    return { ok: true, message, ...(data !== undefined && { data }) };
  } catch (error) {
    if (error instanceof Error && SAFE_ERRORS.has(error.name)) {
      const known = error as Error & { fieldErrors?: Record<string, string[]>; details?: { currentVersion: number; savedBy: string | null; savedAt: Date } };
      return {
        ok: false,
        message: error.message,
        values: echoValues(input),
        ...(known.fieldErrors && { fieldErrors: known.fieldErrors }),
        ...(error.name === "ConflictError" && known.details && { conflict: { ...known.details, savedAt: known.details.savedAt.toISOString() } }),
      };
    }
    console.error(error);
    return { ok: false, message: "Something went wrong; nothing was changed. Try again.", values: echoValues(input) };
  }
}

const NEVER_ECHOED = /password|code|secret|token/i;

/**
 * What the user typed, sent back with a refusal so the form can show it again (React resets a form after its
 * action runs). Secrets are never sent back.
 */
export function echoValues(input: unknown): Record<string, string> {
  if (!input || typeof input !== "object") return {};
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>)
      .filter(([key, value]) => typeof value === "string" && !NEVER_ECHOED.test(key))
      .map(([key, value]) => [key, (value as string).slice(0, 10_000)]),
  );
}

/** Reads a FormData into a plain object; repeated names become arrays. */
export function formObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
