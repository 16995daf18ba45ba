"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addCorrectionAction } from "@/lib/actions/stories/add-correction";
import type { Status } from "@/lib/auth/permissions";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { SiteTime } from "./site-time";
import { announceStoryVersion } from "./story-version-event";

interface Props {
  id: string;
  status: Status;
  canAdd: boolean;
  notes: { id: string; kind: "CORRECTION" | "UPDATE"; body: string; publishedAt: Date }[];
  /** The site's time zone; the newsroom reads every time on it. */
  timeZone?: string;
}

/** Public correction and update notes on a story, and (for editors, on live stories) the form to append one. */
export function StoryNotes({ id, status, canAdd, notes, timeZone = "UTC" }: Props) {
  const [kind, setKind] = useState<"CORRECTION" | "UPDATE">("CORRECTION");
  const [body, setBody] = useState("");
  const [substantive, setSubstantive] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  if (!notes.length && !(canAdd && status === "PUBLISHED")) return null;
  return (
    <section aria-labelledby="notes-heading" className="max-w-3xl space-y-3 rounded border border-neutral-300 p-4 dark:border-neutral-700">
      <h2 id="notes-heading" className="font-bold">
        Corrections and updates
      </h2>
      {notes.length > 0 && (
        <ul className="space-y-2 text-sm">
          {notes.map((note) => (
            <li key={note.id}>
              <strong>{note.kind === "UPDATE" ? "Update" : "Correction"}</strong>, <SiteTime iso={new Date(note.publishedAt).toISOString()} timeZone={timeZone} />: {note.body}
            </li>
          ))}
        </ul>
      )}
      {canAdd && status === "PUBLISHED" && (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            start(async () => {
              const result = await addCorrectionAction({ id, kind, body, substantive });
              const errors = result && !result.ok ? Object.values(result.fieldErrors ?? {}).flat() : [];
              setMessage({ ok: !!result?.ok, text: [result?.message, ...errors].filter(Boolean).join(" ") });
              if (result?.ok && result.data) {
                // The editor above takes the story's new version in (nothing typed there is lost); the list of
                // notes comes back with the page's server render.
                setBody("");
                announceStoryVersion(id, result.data.version);
                router.refresh();
              }
            });
          }}
        >
          {message && (
            <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
              {message.text}
            </p>
          )}
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Kind of note</legend>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" checked={kind === "CORRECTION"} onChange={() => setKind("CORRECTION")} /> Correction
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="kind" checked={kind === "UPDATE"} onChange={() => setKind("UPDATE")} /> Update
            </label>
          </fieldset>
          <label htmlFor="note-body" className="block text-sm font-semibold">
            Note shown to readers
          </label>
          <textarea id="note-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} className={inputClass} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={substantive} onChange={(e) => setSubstantive(e.target.checked)} /> Substantive (moves the story’s “Updated” time)
          </label>
          <button type="submit" disabled={pending} className={buttonClass("primary")}>
            {pending ? "Publishing…" : "Publish note"}
          </button>
        </form>
      )}
    </section>
  );
}
