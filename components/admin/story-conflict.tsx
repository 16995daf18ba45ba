"use client";
import { useState } from "react";
import type { ConflictChoice, FieldValue, MergeConflict } from "@/lib/content/merge";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { ZonedTime } from "./story-editor/zoned-time";

const FIELD_LABELS: Record<string, string> = {
  headline: "Headline",
  standfirst: "Standfirst",
  body: "Story",
  seoTitle: "SEO title",
  seoDescription: "SEO description",
  slug: "Slug",
  sectionId: "Section",
  tags: "Tags",
  bylineIds: "Bylines",
  heroMediaId: "Hero image",
  breaking: "Breaking news",
  breakingUntil: "Breaking until",
  featured: "Lead story",
  embargoUntil: "Embargo until",
};

interface Props {
  conflicts: MergeConflict[];
  savedBy: string | null;
  savedAt: string;
  timeZone: string;
  /** How a non-text value reads (a section's name rather than its id). */
  describe: (field: string, value: FieldValue) => string;
  onResolve: (choices: Record<string, ConflictChoice>) => void;
}

/**
 * Someone else saved changes that overlap with these edits. Everything that did not overlap is already merged; each
 * overlapping hunk shows both sides, and nothing is dropped until the person chooses for every hunk.
 */
export function StoryConflict({ conflicts, savedBy, savedAt, timeZone, describe, onResolve }: Props) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const choose = (id: string, choice: ConflictChoice) => {
    const next = { ...choices, [id]: choice };
    setChoices(next);
    if (conflicts.every((c) => next[c.id])) onResolve(next);
  };
  return (
    <section role="alert" aria-label="Overlapping changes" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      <p className="font-bold">
        {savedBy ?? "Someone"} saved this story at <ZonedTime iso={savedAt} timeZone={timeZone} style="time" /> and changed the same {conflicts.length === 1 ? "place" : "places"} as you.
      </p>
      <p className="text-sm">Everything else is merged. Choose what to keep for each change below; autosave waits until you have.</p>
      <ol className="space-y-4">
        {conflicts.map((conflict, index) => (
          <Hunk key={conflict.id} index={index} conflict={conflict} chosen={choices[conflict.id]} describe={describe} onChoose={(choice) => choose(conflict.id, choice)} />
        ))}
      </ol>
    </section>
  );
}

function Hunk({ index, conflict, chosen, describe, onChoose }: { index: number; conflict: MergeConflict; chosen?: ConflictChoice; describe: Props["describe"]; onChoose: (choice: ConflictChoice) => void }) {
  const [editing, setEditing] = useState(false);
  const isText = conflict.kind === "text";
  const show = (value: FieldValue) => (isText ? String(value).trimEnd() : describe(conflict.field, value));
  const [draft, setDraft] = useState(() => (isText ? `${String(conflict.mine).trimEnd()}\n${String(conflict.theirs).trimEnd()}` : ""));
  const label = `${FIELD_LABELS[conflict.field] ?? conflict.field}, change ${index + 1}`;
  return (
    <li className="space-y-2" aria-label={label} data-testid="merge-hunk">
      <p className="text-sm font-semibold">{label}</p>
      <div className="grid gap-2 md:grid-cols-2">
        <figure className="rounded border border-neutral-400 bg-white p-2 text-neutral-950 dark:bg-neutral-900 dark:text-neutral-50">
          <figcaption className="text-xs font-semibold">Mine</figcaption>
          <p className="whitespace-pre-wrap text-sm" data-testid="hunk-mine">{show(conflict.mine)}</p>
        </figure>
        <figure className="rounded border border-neutral-400 bg-white p-2 text-neutral-950 dark:bg-neutral-900 dark:text-neutral-50">
          <figcaption className="text-xs font-semibold">Theirs</figcaption>
          <p className="whitespace-pre-wrap text-sm" data-testid="hunk-theirs">{show(conflict.theirs)}</p>
        </figure>
      </div>
      {chosen ? (
        <p className="text-sm">Chosen: {"text" in chosen ? "your edit of both" : chosen.keep === "mine" ? "mine" : "theirs"}.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => onChoose({ keep: "mine" })}>
            Keep mine
          </button>
          <button type="button" className={buttonClass("secondary")} onClick={() => onChoose({ keep: "theirs" })}>
            Keep theirs
          </button>
          {isText && (
            <button type="button" className={buttonClass("secondary")} aria-expanded={editing} onClick={() => setEditing(!editing)}>
              Edit both
            </button>
          )}
        </div>
      )}
      {editing && !chosen && (
        <div className="space-y-2">
          <label className="block text-sm font-semibold" htmlFor={`hunk-${conflict.id}`}>
            Your text for this change
          </label>
          <textarea id={`hunk-${conflict.id}`} rows={4} value={draft} onChange={(e) => setDraft(e.target.value)} className={inputClass} />
          <button type="button" className={buttonClass("primary")} onClick={() => onChoose({ text: draft })}>
            Use this text
          </button>
        </div>
      )}
    </li>
  );
}
