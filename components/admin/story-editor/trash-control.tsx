"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { TRASH_DAYS, trashProblem } from "@/lib/validation/trash";
import { InlineConfirm } from "../inline-confirm";
import type { useWorkflow } from "./use-workflow";

/**
 * "Move to trash" for a story this person may edit. A live or scheduled story says what to do first instead (the data
 * layer refuses it with the same words, lib/validation/trash.ts). After the move the editor goes to the story list,
 * which says where the story went and for how long it can be restored.
 */
export function TrashControl({ id, workflow }: { id: string; workflow: ReturnType<typeof useWorkflow> }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { status, canEdit, pending, trash } = workflow;
  if (!canEdit) return null;
  const problem = trashProblem(status);
  return (
    <div className="space-y-2 border-t border-neutral-300 pt-2 text-sm dark:border-neutral-700">
      {problem ? (
        <p data-testid="trash-refusal" className="text-neutral-700 dark:text-neutral-300">
          <span className="font-semibold">Move to trash:</span> {problem}
        </p>
      ) : confirming ? (
        <TrashConfirm
          pending={pending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            trash(() => {
              setConfirming(false);
              router.push(`/admin/stories?trashed=${encodeURIComponent(id)}`);
            })
          }
        />
      ) : (
        <button type="button" disabled={pending} onClick={() => setConfirming(true)} className={`${buttonClass("secondary")} w-full text-red-800 dark:text-red-300`}>
          Move to trash
        </button>
      )}
    </div>
  );
}

function TrashConfirm({ pending, onConfirm, onCancel }: { pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  // A step that removes the story from every list: the safe choice has the focus, so Enter alone does not take it.
  return (
    <InlineConfirm
      title="Move this story to the trash?"
      confirmLabel={pending ? "Moving…" : "Yes, move to trash"}
      tone="danger"
      focus="cancel"
      pending={pending}
      className="border-red-700"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      It leaves the story list and can no longer be edited. You can restore it from the Trash for {TRASH_DAYS} days; after that it is deleted for
      good.
    </InlineConfirm>
  );
}
