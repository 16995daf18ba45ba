"use client";
import { useState } from "react";
import { RichTextEditor } from "@/components/admin/rich-text-editor";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import type { LiveEntryFields } from "@/lib/validation/live";
import { EntryBylines } from "./entry-bylines";
import type { DeskChoices } from "./types";

/**
 * The compact composer: a short title, the same rich-text editor as stories, key event and pin, and the bylines
 * (the poster's own by default). Ctrl/⌘+Enter posts. Used to post and to edit.
 */
export function EntryForm({
  idPrefix,
  initial,
  choices,
  pending,
  submitLabel,
  fieldErrors,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: LiveEntryFields;
  choices: DeskChoices;
  pending: boolean;
  submitLabel: string;
  fieldErrors?: Record<string, string[]>;
  onSubmit: (fields: LiveEntryFields) => void;
  onCancel?: () => void;
}) {
  // A new entry starts with the poster's own byline ticked (what an empty list would give them anyway).
  const [fields, setFields] = useState<LiveEntryFields>(() =>
    initial.bylineIds.length === 0 && choices.ownBylineId && choices.bylines.some((b) => b.id === choices.ownBylineId) ? { ...initial, bylineIds: [choices.ownBylineId] } : initial,
  );
  const set = <K extends keyof LiveEntryFields>(key: K, value: LiveEntryFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const submit = () => {
    if (!pending) onSubmit(fields);
  };
  const errorOf = (name: string) => fieldErrors?.[name]?.join(" ");
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
          event.preventDefault();
          submit();
        }
      }}
    >
      <div>
        <label htmlFor={`${idPrefix}-title`} className="block text-sm font-semibold">
          Entry title
        </label>
        <input id={`${idPrefix}-title`} value={fields.title} maxLength={200} onChange={(e) => set("title", e.target.value)} className={inputClass} aria-invalid={!!errorOf("title")} />
        {errorOf("title") && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errorOf("title")}</p>}
      </div>
      <div role="group" aria-label="Entry text">
        <RichTextEditor value={fields.body} onChange={(body) => set("body", body)} images={choices.images} />
        {errorOf("body") && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errorOf("body")}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={fields.keyEvent} onChange={(e) => set("keyEvent", e.target.checked)} /> Key event
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={fields.pinned} onChange={(e) => set("pinned", e.target.checked)} /> Pin above the updates
        </label>
      </div>
      <EntryBylines idPrefix={idPrefix} value={fields.bylineIds} options={choices.bylines} error={errorOf("bylineIds")} onChange={(ids) => set("bylineIds", ids)} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Working…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
