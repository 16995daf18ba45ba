"use client";
import { useState } from "react";
import { currentFieldsAction } from "@/lib/actions/stories/current-fields";
import type { ConflictView } from "@/lib/actions/result";
import { sideBySide } from "@/lib/content/revision-diff";
import { buttonClass } from "@/components/ui/button-styles";
import { DiffTable } from "./diff-table";

interface Props {
  id: string;
  conflict: ConflictView;
  mine: { headline: string; standfirst: string; body: string };
  onReload: () => void;
}

/** A refused save: who saved first and when, with the choice to reload theirs or compare it with these edits. */
export function StoryConflict({ id, conflict, mine, onReload }: Props) {
  const [theirs, setTheirs] = useState<{ headline: string; standfirst: string; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function compare() {
    const result = await currentFieldsAction({ id });
    if (result?.ok && result.data) setTheirs(result.data);
    else setError(result?.message ?? "Could not load the saved version.");
  }
  const text = (f: { headline: string; standfirst: string; body: string }) => `# ${f.headline}\n\n${f.standfirst}\n\n${f.body}`;
  return (
    <div role="alert" className="space-y-3 rounded border-2 border-red-700 bg-red-50 p-4 text-red-950 dark:bg-red-950 dark:text-red-50">
      <p className="font-bold">
        {conflict.savedBy ?? "Someone"} saved this story at {new Date(conflict.savedAt).toLocaleTimeString()}, after you started editing. Your latest changes were not saved.
      </p>
      <p className="text-sm">Autosave is paused. Reload to continue from their version (copy anything of yours you want to keep first), or compare the two.</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onReload} className={buttonClass("primary")}>
          Reload their version
        </button>
        <button type="button" onClick={() => void compare()} className={buttonClass("secondary")}>
          Show differences
        </button>
      </div>
      {error && <p>{error}</p>}
      {theirs && <DiffTable rows={sideBySide(text(theirs), text(mine))} leftLabel={`Saved by ${conflict.savedBy ?? "someone else"}`} rightLabel="Your unsaved version" />}
    </div>
  );
}
