"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import { deleteStoryForeverAction, restoreStoryAction } from "@/lib/actions/stories/trash";
import type { ActionState } from "@/lib/actions/result";
import type { TrashItem } from "@/lib/dal/trash";
import { StatusBadge } from "./status-badge";
import { StoryTime } from "./story-time";

/** The trash: each story with Restore and, for editors, Delete forever (asked twice). One message for the last outcome. */
export function TrashTable({ items, timeZone }: { items: TrashItem[]; timeZone: string }) {
  const [state, run, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    return formData.get("kind") === "delete" ? deleteStoryForeverAction(previous, formData) : restoreStoryAction(previous, formData);
  }, null);
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {items.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-neutral-400 px-6 py-10 text-center text-lg font-semibold dark:border-neutral-600">
          The trash is empty.
        </p>
      ) : (
        <ul aria-label="Stories in the trash" className="divide-y divide-neutral-200 rounded-lg border border-neutral-300 bg-white dark:divide-neutral-800 dark:border-neutral-700 dark:bg-neutral-900">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-semibold">{item.headline}</p>
                <p className="text-sm text-neutral-700 dark:text-neutral-300">
                  <StatusBadge status={item.status} /> Deleted <StoryTime date={item.deletedAt} timeZone={timeZone} />
                  {item.deletedBy && ` by ${item.deletedBy}`} · deleted for good after <StoryTime date={item.purgeAt} timeZone={timeZone} />
                </p>
              </div>
              <form action={run} className="flex gap-2">
                <input type="hidden" name="id" value={item.id} />
                {item.canRestore && (
                  <button type="submit" name="kind" value="restore" disabled={pending} className={buttonClass("secondary")} aria-label={`Restore “${item.headline}”`}>
                    Restore
                  </button>
                )}
                {item.canDeleteForever && (
                  <button
                    type="submit"
                    name="kind"
                    value="delete"
                    disabled={pending}
                    className={buttonClass("danger")}
                    aria-label={`Delete “${item.headline}” forever`}
                    onClick={(event) => {
                      if (!window.confirm(`Delete “${item.headline}” for good? Its text and history cannot be brought back.`)) event.preventDefault();
                    }}
                  >
                    Delete forever
                  </button>
                )}
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
