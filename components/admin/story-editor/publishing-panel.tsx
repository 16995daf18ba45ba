"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Status } from "@/lib/auth/permissions";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { FieldError } from "./field-error";
import { TrashControl } from "./trash-control";
import type { ScheduledUpdateView, useWorkflow } from "./use-workflow";
import { ZonedDateInput } from "./zoned-date-input";
import { ZonedTime } from "./zoned-time";

const TRANSITION_LABELS: Record<Status, string> = {
  DRAFT: "Move back to draft",
  IN_REVIEW: "Submit for review",
  SCHEDULED: "Schedule",
  PUBLISHED: "Publish now",
  ARCHIVED: "Unpublish",
};

interface Props {
  id: string;
  workflow: ReturnType<typeof useWorkflow>;
  errors: Record<string, string[]>;
  timeZone: string;
  canSchedule: boolean;
  live: boolean;
  /** Save and, for a live story, its "substantive" box and restore confirmation. */
  saveControls: ReactNode;
  /** Section and bylines, kept in reach with the buttons. */
  filing: ReactNode;
  publicUrl: string | null;
  scheduledUpdates: ScheduledUpdateView[];
  conflicted: boolean;
  onScheduleUpdate: (runAt: string, substantive: boolean) => void;
  substantive: boolean;
}

/**
 * Save, the workflow steps, the schedule and where the story lives. On tablets and up it sticks to the top of the
 * screen, so it stays in reach however long the story is.
 */
export function PublishingPanel({ id, workflow, errors, timeZone, canSchedule, live, saveControls, filing, publicUrl, scheduledUpdates, conflicted, onScheduleUpdate, substantive }: Props) {
  const [goLiveAt, setGoLiveAt] = useState("");
  const [updateAt, setUpdateAt] = useState("");
  const [rescheduleAt, setRescheduleAt] = useState("");
  const [askingNote, setAskingNote] = useState(false);
  const { status, transitions, notice, pending, move, reschedule, canEdit } = workflow;
  const needsNote = status === "IN_REVIEW" || status === "SCHEDULED";
  return (
    <section aria-label="Publishing" className="space-y-2 rounded border border-neutral-300 bg-white p-3 dark:border-neutral-700 dark:bg-neutral-950">
      <h2 className="font-bold">Publishing</h2>
      {notice && (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "text-sm text-green-800 dark:text-green-300" : "text-sm text-red-700 dark:text-red-400"}>
          {notice.text}
        </p>
      )}
      {saveControls}
      {status === "SCHEDULED" && workflow.scheduledAt && (
        <div className="space-y-2 rounded border border-sky-700 p-2 text-sm" data-testid="scheduled-at">
          <p>
            Goes live <ZonedTime iso={workflow.scheduledAt} timeZone={timeZone} />.
          </p>
          {canSchedule && (
            <>
              <ZonedDateInput id="rescheduleAt" step={1} label="New time" value={rescheduleAt} timeZone={timeZone} invalid={!!errors.scheduledAt} onChange={setRescheduleAt} />
              <div className="flex flex-wrap gap-2">
                <button type="button" disabled={pending || !rescheduleAt} onClick={() => reschedule(rescheduleAt)} className={buttonClass("secondary")}>
                  Reschedule
                </button>
                <button type="button" disabled={pending} onClick={() => reschedule(null)} className={buttonClass("secondary")}>
                  Unschedule
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {live && canEdit && canSchedule && !conflicted && (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold">Schedule these changes instead</summary>
          <div className="mt-2 space-y-2">
            <ZonedDateInput id="updateAt" step={1} label="Update goes out at" value={updateAt} timeZone={timeZone} invalid={!!errors.runAt} onChange={setUpdateAt} />
            <FieldError name="runAt" errors={errors} />
            <button type="button" disabled={pending} onClick={() => onScheduleUpdate(updateAt, substantive)} className={`${buttonClass("secondary")} w-full`}>
              Schedule update
            </button>
            <p className="text-xs text-neutral-600 dark:text-neutral-400">The live story stays as it is until then. If it is edited before, the update is not applied over those edits.</p>
          </div>
        </details>
      )}
      {scheduledUpdates.length > 0 && (
        <ul className="space-y-1 text-xs" aria-label="Scheduled updates">
          {scheduledUpdates.map((u) => (
            <li key={u.id}>
              Update for <ZonedTime iso={u.runAt} timeZone={timeZone} />: {u.appliedAt ? "applied" : u.failure ? `not applied — ${u.failure}` : "pending"}
            </li>
          ))}
        </ul>
      )}
      {transitions.includes("SCHEDULED") && (
        <>
          <ZonedDateInput id="scheduledAt" step={1} label="Go live at" value={goLiveAt} timeZone={timeZone} invalid={!!errors.scheduledAt} onChange={setGoLiveAt} />
          <FieldError name="scheduledAt" errors={errors} />
        </>
      )}
      <div className="flex flex-col gap-2">
        {transitions.map((to) => (
          <button
            key={to}
            type="button"
            disabled={pending || conflicted}
            onClick={() => (to === "DRAFT" ? setAskingNote(true) : move(to, { scheduledAt: goLiveAt || null }))}
            className={`${buttonClass(to === "PUBLISHED" ? "primary" : to === "ARCHIVED" ? "danger" : "secondary")} w-full`}
          >
            {TRANSITION_LABELS[to]}
          </button>
        ))}
      </div>
      {askingNote && (
        <BackToDraftDialog
          required={needsNote}
          pending={pending}
          error={errors.note?.[0]}
          onCancel={() => setAskingNote(false)}
          onConfirm={(note) => move("DRAFT", { note }, () => setAskingNote(false))}
        />
      )}
      {filing}
      <p className="flex flex-wrap gap-3 text-sm">
        {/* Plain links: a prefetch of the preview or history would run (and log) a request on every editor load. */}
        <a href={`/api/preview?id=${id}`} className="underline" target="_blank" rel="noopener">
          Preview
        </a>
        <a href={`/admin/stories/${id}/history`} className="underline">
          History
        </a>
        {publicUrl && (
          <a href={publicUrl} className="underline" target="_blank" rel="noopener">
            View live
          </a>
        )}
      </p>
      <TrashControl id={id} workflow={workflow} />
    </section>
  );
}

/** "Move back to draft" says why: a note to the writer, required when the story leaves review or the schedule. */
function BackToDraftDialog({ required, pending, error, onCancel, onConfirm }: { required: boolean; pending: boolean; error?: string; onCancel: () => void; onConfirm: (note: string) => void }) {
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const message = missing ? "Write a note to the writer: say what should change." : error;
  return (
    <div role="dialog" aria-modal="false" aria-labelledby="draft-note-title" onKeyDown={(e) => e.key === "Escape" && onCancel()} className="space-y-2 rounded border-2 border-neutral-500 p-3 text-sm">
      <p id="draft-note-title" className="font-bold">
        Move back to draft
      </p>
      <label htmlFor="draft-note" className="block font-semibold">
        Note to the writer{required ? "" : " (optional)"}
      </label>
      <textarea
        ref={box}
        id="draft-note"
        rows={4}
        value={note}
        required={required}
        maxLength={2000}
        aria-invalid={!!message || undefined}
        aria-describedby={message ? "draft-note-error" : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          setMissing(false);
        }}
        className={inputClass}
      />
      {message && (
        <p id="draft-note-error" className="font-medium text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            if (required && !note.trim()) return setMissing(true);
            onConfirm(note.trim());
          }}
          className={buttonClass("primary")}
        >
          Send back to draft
        </button>
        <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
          Cancel
        </button>
      </div>
    </div>
  );
}
