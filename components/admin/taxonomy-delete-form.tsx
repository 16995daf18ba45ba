"use client";
import { useActionState, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/result";

type DeleteAction = (previous: ActionState<{ name: string }>, formData: FormData) => Promise<ActionState<{ name: string }>>;

/**
 * Delete with a second, explicit confirmation. The data layer decides whether the record may go (one still in use
 * is refused with the reason, shown here); on success the action redirects to the list.
 */
export function TaxonomyDeleteForm({ id, name, noun, action }: { id: string; name: string; noun: string; action: DeleteAction }) {
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const [state, formAction] = useActionState<ActionState<{ name: string }>, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    setConfirming(false);
    trigger.current?.focus();
    return result;
  }, null);
  const panelId = `delete-${id}-confirm`;
  const cancel = () => {
    setConfirming(false);
    trigger.current?.focus();
  };
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <button
        ref={trigger}
        type="button"
        className={buttonClass("secondary")}
        aria-expanded={confirming}
        aria-controls={panelId}
        onClick={() => setConfirming((open) => !open)}
      >
        Delete {noun}…
      </button>
      {confirming && (
        <form
          id={panelId}
          action={formAction}
          onKeyDown={(event) => event.key === "Escape" && cancel()}
          className="space-y-3 rounded border border-red-700 bg-red-50 p-4 dark:bg-red-950"
        >
          <input type="hidden" name="id" value={id} />
          <p className="font-semibold">
            Delete the {noun} “{name}” for good?
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" pendingLabel="Deleting…" autoFocus>
              Yes, delete {noun}
            </SubmitButton>
            <button type="button" className={buttonClass("secondary")} onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
