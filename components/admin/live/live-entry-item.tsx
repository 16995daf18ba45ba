"use client";
import { useState } from "react";
import { correctLiveEntryAction } from "@/lib/actions/live/correct-entry";
import { deleteLiveEntryAction } from "@/lib/actions/live/delete-entry";
import { updateLiveEntryAction } from "@/lib/actions/live/update-entry";
import { SiteTime } from "@/components/admin/site-time";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { ActionMessage } from "./action-message";
import { EntryForm } from "./entry-form";
import type { DeskChoices, DeskEntryView } from "./types";
import { useLiveAction } from "./use-live-action";

/** One posted entry on the live desk: what it says, and Edit, Delete and (editors, published) Correct. */
export function LiveEntryItem({ entry, choices, timeZone, canCorrect }: { entry: DeskEntryView; choices: DeskChoices; timeZone: string; canCorrect: boolean }) {
  const { pending, message, run } = useLiveAction();
  const [mode, setMode] = useState<"view" | "edit" | "delete" | "correct">("view");
  const [note, setNote] = useState("");
  const label = entry.title || entry.body.slice(0, 60) || "Untitled entry";
  return (
    <li className="space-y-2 border-t border-neutral-200 py-3 dark:border-neutral-800" data-desk-entry={entry.id}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <SiteTime iso={entry.publishedAt} timeZone={timeZone} className="font-semibold" />
        {entry.keyEvent && <span className="text-xs font-bold text-red-700 uppercase dark:text-red-400">Key event</span>}
        {entry.pinned && <span className="text-xs font-bold text-sky-700 uppercase dark:text-sky-400">Pinned</span>}
        {entry.editedAt && (
          <span className="text-neutral-600 dark:text-neutral-400">
            Updated <SiteTime iso={entry.editedAt} timeZone={timeZone} />
          </span>
        )}
        {entry.bylineNames.length > 0 && <span className="text-neutral-600 dark:text-neutral-400">{entry.bylineNames.join(", ")}</span>}
      </div>
      {mode === "edit" ? (
        <EntryForm
          idPrefix={`edit-${entry.id}`}
          initial={{ title: entry.title, body: entry.body, keyEvent: entry.keyEvent, pinned: entry.pinned, bylineIds: entry.bylineIds }}
          choices={choices}
          pending={pending}
          submitLabel="Save entry"
          fieldErrors={message?.fieldErrors}
          onSubmit={(fields) => run(() => updateLiveEntryAction({ entryId: entry.id, baseVersion: entry.version, fields }), () => setMode("view"))}
          onCancel={() => setMode("view")}
        />
      ) : (
        <>
          {entry.title && <p className="font-semibold">{entry.title}</p>}
          <p className="line-clamp-3 text-sm whitespace-pre-line text-neutral-700 dark:text-neutral-300">{entry.body}</p>
        </>
      )}
      {entry.corrections.map((correction) => (
        <p key={correction.publishedAt + correction.body} className="border-l-4 border-amber-600 pl-2 text-sm">
          <strong>{correction.kind === "UPDATE" ? "Update" : "Correction"}</strong>: {correction.body}
        </p>
      ))}
      {mode === "view" && (entry.canEdit || canCorrect) && (
        <div className="flex flex-wrap gap-2">
          {entry.canEdit && (
            <button type="button" onClick={() => setMode("edit")} className={buttonClass("secondary")} aria-label={`Edit entry: ${label}`}>
              Edit
            </button>
          )}
          {entry.canEdit && (
            <button type="button" onClick={() => setMode("delete")} className={buttonClass("secondary")} aria-label={`Delete entry: ${label}`}>
              Delete
            </button>
          )}
          {canCorrect && (
            <button type="button" onClick={() => setMode("correct")} className={buttonClass("secondary")} aria-label={`Correct entry: ${label}`}>
              Add correction
            </button>
          )}
        </div>
      )}
      {mode === "delete" && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>Delete this entry? Readers will no longer see it.</span>
          <button type="button" disabled={pending} onClick={() => run(() => deleteLiveEntryAction({ entryId: entry.id, baseVersion: entry.version }), () => setMode("view"))} className={buttonClass("danger")}>
            Delete entry
          </button>
          <button type="button" onClick={() => setMode("view")} className={buttonClass("secondary")}>
            Keep it
          </button>
        </div>
      )}
      {mode === "correct" && (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => correctLiveEntryAction({ entryId: entry.id, kind: "CORRECTION", body: note }), () => {
              setNote("");
              setMode("view");
            });
          }}
        >
          <label htmlFor={`correct-${entry.id}`} className="block text-sm font-semibold">
            Correction shown to readers
          </label>
          <textarea id={`correct-${entry.id}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass("primary")}>
              Publish correction
            </button>
            <button type="button" onClick={() => setMode("view")} className={buttonClass("secondary")}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ActionMessage message={message} />
    </li>
  );
}
