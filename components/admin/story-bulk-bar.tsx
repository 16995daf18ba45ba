"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { bulkArchiveAction, bulkMoveAction, bulkTrashAction } from "@/lib/actions/stories/bulk";
import type { ActionState } from "@/lib/actions/result";
import type { FilterOption } from "@/lib/dal/story-list";
import { STORY_BULK_FORM } from "./story-bulk-form";


const ACTIONS = { move: bulkMoveAction, archive: bulkArchiveAction, trash: bulkTrashAction } as const;

/**
 * The story list's bulk actions. The rows' checkboxes belong to this form through their `form` attribute, so the
 * table stays a server component; the button pressed says which action runs (one server action per kind).
 */
export function StoryBulkBar({ sections, canArchive, hasRows }: { sections: FilterOption[]; canArchive: boolean; hasRows: boolean }) {
  const [state, run, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const kind = String(formData.get("kind")) as keyof typeof ACTIONS;
    const action = ACTIONS[kind];
    if (!action) return { ok: false, message: "Choose an action." };
    if (formData.getAll("ids").length === 0) return { ok: false, message: "Select at least one story first (tick the boxes in the list)." };
    return action(previous, formData);
  }, null);
  return (
    <form id={STORY_BULK_FORM} action={run} aria-label="Bulk actions on the selected stories" className="mb-3 space-y-2">
      <div className={hasRows ? "flex flex-wrap items-end gap-2" : "hidden"}>
        <div className="space-y-1">
          <label htmlFor="bulk-section" className="block text-sm font-semibold">
            Section for the selected stories
          </label>
          <select id="bulk-section" name="section" defaultValue="" className={inputClass}>
            <option value="">No section</option>
            {sections.map((section) => (
              <option key={section.slug} value={section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="kind" value="move" disabled={pending} className={buttonClass("secondary")}>
          Move to section
        </button>
        {canArchive && (
          <button type="submit" name="kind" value="archive" disabled={pending} className={buttonClass("secondary")}>
            Archive
          </button>
        )}
        <button type="submit" name="kind" value="trash" disabled={pending} className={buttonClass("danger")}>
          Delete
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** "Select all on this page": ticks or clears every row's box in the bulk form. */
export function StorySelectAll({ label = "Select all stories on this page" }: { label?: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="size-4"
      onChange={(event) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${STORY_BULK_FORM}"][name="ids"]`);
        for (const box of boxes) box.checked = event.currentTarget.checked;
      }}
    />
  );
}
