"use client";
import { useCallback, useEffect, useState, useTransition } from "react";
import { addNoteAction, deleteNoteAction, editNoteAction, listNotesAction, resolveNoteAction, type StoryNote } from "@/lib/actions/stories/comments";
import type { ActionState } from "@/lib/actions/result";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { SiteTime } from "./site-time";

const POLL_MS = 20_000;
const ANCHOR_WORDS = 8;

function firstWords(paragraph: string): string {
  const words = paragraph.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  return words.slice(0, ANCHOR_WORDS).join(" ") + (words.length > ANCHOR_WORDS ? "…" : "");
}

/** Editorial notes on a story: never shown to readers. Loads its own data, and reads it again on focus and every 20 s. */
export function StoryCommentsPanel({ articleId, paragraphs }: { articleId: string; paragraphs: string[] }) {
  const [notes, setNotes] = useState<StoryNote[] | null>(null);
  const [timeZone, setTimeZone] = useState("UTC");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [showResolved, setShowResolved] = useState(false);

  const refresh = useCallback(async () => {
    const result = await listNotesAction({ articleId });
    if (result?.ok && result.data) {
      setNotes(result.data.notes);
      setTimeZone(result.data.timeZone);
    } else if (result && !result.ok) setMessage({ ok: false, text: result.message ?? "The notes could not be loaded." });
  }, [articleId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading from the server is this effect's job
    void refresh();
    const timer = window.setInterval(() => document.visibilityState === "visible" && void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [refresh]);

  /** Runs an action; on success reads the notes again. Returns whether it worked. */
  const run = useCallback(
    async (result: Promise<ActionState<unknown>>): Promise<boolean> => {
      const answer = await result;
      if (answer?.ok) {
        setMessage({ ok: true, text: answer.message });
        await refresh();
        return true;
      }
      const fieldMessage = answer?.fieldErrors && Object.values(answer.fieldErrors)[0]?.[0];
      setMessage({ ok: false, text: fieldMessage ?? answer?.message ?? "Nothing was changed. Try again." });
      return false;
    },
    [refresh],
  );

  const open = notes?.filter((n) => !n.resolvedAt) ?? [];
  const resolved = notes?.filter((n) => n.resolvedAt) ?? [];
  return (
    <section aria-labelledby="story-notes-heading" className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
      <h2 id="story-notes-heading" className="font-bold">
        Notes <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">(newsroom only{notes ? `, ${open.length} open` : ""})</span>
      </h2>
      <p role="status" aria-live="polite" className={message?.ok === false ? "text-sm font-medium text-red-700 dark:text-red-400" : "text-sm text-neutral-600 dark:text-neutral-400"}>
        {message?.text ?? ""}
      </p>
      <NoteForm articleId={articleId} paragraphs={paragraphs} run={run} />
      {notes === null ? (
        <p className="text-sm">Loading notes…</p>
      ) : (
        <>
          {open.length === 0 && <p className="text-sm">No open notes.</p>}
          <ul aria-label="Open notes" className="space-y-3">
            {open.map((note) => (
              <NoteItem key={note.id} note={note} timeZone={timeZone} articleId={articleId} run={run} />
            ))}
          </ul>
          {resolved.length > 0 && (
            <div>
              <button type="button" className="text-sm underline" aria-expanded={showResolved} onClick={() => setShowResolved(!showResolved)}>
                {showResolved ? "Hide" : "Show"} {resolved.length} resolved {resolved.length === 1 ? "note" : "notes"}
              </button>
              {showResolved && (
                <ul aria-label="Resolved notes" className="mt-2 space-y-3 opacity-80">
                  {resolved.map((note) => (
                    <NoteItem key={note.id} note={note} timeZone={timeZone} articleId={articleId} run={run} />
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

type Run = (result: Promise<ActionState<unknown>>) => Promise<boolean>;

function NoteForm({ articleId, paragraphs, run }: { articleId: string; paragraphs: string[]; run: Run }) {
  const [body, setBody] = useState("");
  const [anchor, setAnchor] = useState("");
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const index = anchor === "" ? null : Number(anchor);
        start(async () => {
          const ok = await run(addNoteAction({ articleId, body, anchorIndex: index, anchorText: index === null ? null : firstWords(paragraphs[index] ?? "") }));
          if (ok) {
            setBody("");
            setAnchor("");
          }
        });
      }}
    >
      <label className="block text-sm font-semibold">
        New note
        <textarea name="body" value={body} onChange={(e) => setBody(e.target.value)} rows={3} className={`${inputClass} mt-1 font-normal`} />
      </label>
      {paragraphs.length > 0 && (
        <label className="block text-sm font-semibold">
          About
          <select name="anchorIndex" value={anchor} onChange={(e) => setAnchor(e.target.value)} className={`${inputClass} mt-1 font-normal`}>
            <option value="">The whole story</option>
            {paragraphs.map((p, i) => (
              <option key={i} value={i}>
                ¶{i + 1}: {firstWords(p)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {pending ? "Adding…" : "Add note"}
      </button>
    </form>
  );
}

function NoteItem({ note, timeZone, articleId, run }: { note: StoryNote; timeZone: string; articleId: string; run: Run }) {
  const [reply, setReply] = useState("");
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <li aria-label={`Note by ${note.authorName}`} className="rounded border border-neutral-200 p-2 text-sm dark:border-neutral-800">
      {note.anchorText && (
        <p className="mb-1 border-l-4 border-amber-400 pl-2 text-neutral-600 italic dark:text-neutral-400">
          ¶{(note.anchorIndex ?? 0) + 1}: “{note.anchorText}”
        </p>
      )}
      <p className="text-neutral-600 dark:text-neutral-400">
        <strong className="text-neutral-900 dark:text-neutral-100">{note.authorName}</strong> · <SiteTime iso={note.createdAt} timeZone={timeZone} />
        {note.edited && " · edited"}
      </p>
      {editing === null ? (
        <p className="whitespace-pre-wrap">{note.body}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              if (await run(editNoteAction({ id: note.id, body: editing }))) setEditing(null);
            });
          }}
          className="space-y-1"
        >
          <label className="block">
            <span className="sr-only">Note text</span>
            <textarea value={editing} onChange={(e) => setEditing(e.target.value)} rows={3} className={inputClass} />
          </label>
          <button type="submit" disabled={pending} className={buttonClass("secondary")}>
            Save note
          </button>{" "}
          <button type="button" className="underline" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {note.resolvedAt && (
        <p className="text-neutral-600 dark:text-neutral-400">
          Resolved by {note.resolvedByName ?? "someone"}, <SiteTime iso={note.resolvedAt} timeZone={timeZone} />
        </p>
      )}
      {note.replies.length > 0 && (
        <ul aria-label="Replies" className="mt-2 space-y-1 border-l-2 border-neutral-300 pl-3 dark:border-neutral-700">
          {note.replies.map((r) => (
            <li key={r.id}>
              <strong>{r.authorName}</strong> · <SiteTime iso={r.createdAt} timeZone={timeZone} />: <span className="whitespace-pre-wrap">{r.body}</span>
              {r.canEdit && (
                <button type="button" className="ml-2 underline" disabled={pending} onClick={() => start(async () => void (await run(deleteNoteAction({ id: r.id }))))}>
                  Delete reply
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex flex-wrap gap-3">
        {!note.resolvedAt && (
          <button type="button" className="underline" onClick={() => setReplying(!replying)}>
            Reply
          </button>
        )}
        {note.canResolve && (
          <button type="button" className="underline" disabled={pending} onClick={() => start(async () => void (await run(resolveNoteAction({ id: note.id, resolved: !note.resolvedAt }))))}>
            {note.resolvedAt ? "Reopen" : "Resolve"}
          </button>
        )}
        {note.canEdit && editing === null && (
          <button type="button" className="underline" onClick={() => setEditing(note.body)}>
            Edit
          </button>
        )}
        {note.canEdit && (
          <button
            type="button"
            className="underline text-red-700 dark:text-red-400"
            disabled={pending}
            onClick={() => {
              if (window.confirm("Delete this note and its replies?")) start(async () => void (await run(deleteNoteAction({ id: note.id }))));
            }}
          >
            Delete
          </button>
        )}
      </div>
      {replying && (
        <form
          className="mt-2 space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              if (await run(addNoteAction({ articleId, body: reply, parentId: note.id }))) {
                setReply("");
                setReplying(false);
              }
            });
          }}
        >
          <label className="block font-semibold">
            Your reply
            <textarea value={reply} onChange={(e) => setReply(e.target.value)} rows={2} className={`${inputClass} mt-1 font-normal`} />
          </label>
          <button type="submit" disabled={pending} className={buttonClass("secondary")}>
            Send reply
          </button>
        </form>
      )}
    </li>
  );
}
