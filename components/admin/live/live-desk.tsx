"use client";
import { useState } from "react";
import { postLiveEntryAction } from "@/lib/actions/live/post-entry";
import { ActionMessage } from "./action-message";
import { CoverageControl } from "./coverage-control";
import { EntryForm } from "./entry-form";
import { LiveEntryItem } from "./live-entry-item";
import type { DeskChoices, LiveDeskView } from "./types";
import { useLiveAction } from "./use-live-action";

const EMPTY = { title: "", body: "", keyEvent: false, pinned: false, bylineIds: [] };

/** The live desk under the story editor: the coverage switch and controls, the composer, and the posted entries. */
export function LiveDesk({ desk, choices, timeZone }: { desk: LiveDeskView; choices: DeskChoices; timeZone: string }) {
  const { pending, message, run } = useLiveAction();
  // A fresh composer after each post (the rich-text editor keeps its own state).
  const [round, setRound] = useState(0);
  return (
    <section aria-labelledby="live-desk-heading" className="max-w-3xl space-y-4 rounded border border-neutral-300 p-4 dark:border-neutral-700">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="live-desk-heading" className="font-bold">
          Live coverage
        </h2>
        {desk.liveCoverage && (
          <a href={`/admin/stories/${desk.articleId}/live`} className="text-sm underline underline-offset-4">
            Live desk only
          </a>
        )}
      </div>
      <CoverageControl desk={desk} timeZone={timeZone} />
      {desk.liveCoverage && (
        <>
          {desk.can.post ? (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold">New entry</h3>
              <EntryForm
                key={round}
                idPrefix="new-entry"
                initial={EMPTY}
                choices={choices}
                pending={pending}
                submitLabel="Post entry"
                fieldErrors={message?.ok ? undefined : message?.fieldErrors}
                onSubmit={(fields) => run(() => postLiveEntryAction({ articleId: desk.articleId, fields }), () => setRound((n) => n + 1))}
              />
              <ActionMessage message={message} />
            </div>
          ) : (
            <p className="text-sm text-neutral-700 dark:text-neutral-300">
              {desk.endedAt ? "The coverage has ended: no more entries can be posted." : "You can post only to live coverage you are bylined on."}
            </p>
          )}
          <div>
            <h3 className="text-sm font-semibold">Posted entries ({desk.entries.length})</h3>
            {desk.entries.length === 0 ? (
              <p className="text-sm text-neutral-600 dark:text-neutral-400">No entries yet.</p>
            ) : (
              <ul aria-label="Posted entries">
                {desk.entries.map((entry) => (
                  <LiveEntryItem key={`${entry.id}:${entry.version}`} entry={entry} choices={choices} timeZone={timeZone} canCorrect={desk.can.correct} />
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
