"use client";
import { useActionState, useRef, useState } from "react";
import { deleteMediaAction } from "@/lib/actions/media/delete";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";

/** Delete with an explicit second step. An image still in use is refused by the data layer, with where it is used. */
export function MediaDeleteForm({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const [state, action] = useActionState(async (previous: Parameters<typeof deleteMediaAction>[0], formData: FormData) => {
    const result = await deleteMediaAction(previous, formData);
    setConfirming(false);
    trigger.current?.focus();
    return result;
  }, null);
  const panelId = `delete-${id}-confirm`;
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <button ref={trigger} type="button" className={buttonClass("secondary")} aria-expanded={confirming} aria-controls={panelId} onClick={() => setConfirming((open) => !open)}>
        Delete image…
      </button>
      {confirming && (
        <form id={panelId} action={action} className="space-y-3 rounded border border-red-700 bg-red-50 p-4 dark:bg-red-950">
          <input type="hidden" name="id" value={id} />
          <p className="font-semibold">Delete “{name}” and all its sizes for good?</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" pendingLabel="Deleting…" autoFocus>
              Yes, delete image
            </SubmitButton>
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => {
                setConfirming(false);
                trigger.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
