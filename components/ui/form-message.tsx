import type { ActionState } from "@/lib/actions/result";

/** The form-level outcome of an action: a success note or an error, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
      {state.message}
    </p>
  );
}
