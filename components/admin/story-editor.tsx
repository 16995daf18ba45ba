"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { saveStoryAction } from "@/lib/actions/stories/save-story";
import { transitionStoryAction } from "@/lib/actions/stories/transition-story";
import { heartbeatAction, leaveStoryAction } from "@/lib/actions/stories/presence";
import { scheduleUpdateAction } from "@/lib/actions/stories/schedule-update";
import type { ActionState, ConflictView } from "@/lib/actions/result";
import type { Status } from "@/lib/auth/permissions";
import { measureReading } from "@/lib/content/reading-time";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { RichTextEditor } from "./rich-text-editor";
import { StoryConflict } from "./story-conflict";
import { StoryRestoreBanner, StoryRestoreConfirm } from "./story-restore";
import type { SaveMode, SaveOutcome, SaveState } from "./save-queue";
import { useSaveQueue } from "./use-save-queue";

export interface EditorFields {
  headline: string;
  standfirst: string;
  body: string;
  slug: string;
  sectionId: string;
  tags: string[];
  bylineIds: string[];
  heroMediaId: string;
  seoTitle: string;
  seoDescription: string;
  breaking: boolean;
  breakingUntil: string;
  featured: boolean;
}

export interface StoryEditorProps {
  id: string;
  initial: EditorFields;
  version: number;
  status: Status;
  canEdit: boolean;
  transitions: Status[];
  can: { setBreaking: boolean; setLead: boolean; schedule: boolean };
  lastSaved: { by: string | null; at: string };
  scheduledUpdates: { id: string; runAt: string; appliedAt: string | null; failure: string | null }[];
  publicUrl: string | null;
  choices: { sections: { id: string; name: string }[]; bylines: { id: string; name: string }[]; tags: string[]; images: { id: string; url: string; alt: string; name: string }[] };
  /** An old version loaded into the editor of a live story by "Restore": unsaved until "Update live story". */
  restore?: PendingRestore | null;
}

export interface PendingRestore {
  revisionId: string;
  version: number;
  createdAt: string;
  /** The old version's address; the story keeps its current one unless the editor chooses this. */
  slug: string;
}

const AUTOSAVE_DELAY_MS = 2000;
const HEARTBEAT_MS = 15_000;

const TRANSITION_LABELS: Record<Status, string> = {
  DRAFT: "Move back to draft",
  IN_REVIEW: "Submit for review",
  SCHEDULED: "Schedule",
  PUBLISHED: "Publish now",
  ARCHIVED: "Unpublish",
};

const STATUS_LABELS: Record<Status, string> = { DRAFT: "Draft", IN_REVIEW: "In review", SCHEDULED: "Scheduled", PUBLISHED: "Published", ARCHIVED: "Archived" };

/** The Tags field's text as the list the server stores: comma-separated, trimmed, no blanks or repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

function formatTime(iso: string) {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function StoryEditor(props: StoryEditorProps) {
  const router = useRouter();
  const [fields, setFields] = useState<EditorFields>(props.initial);
  const [tagsText, setTagsText] = useState(props.initial.tags.join(", "));
  const [status, setStatus] = useState<Status>(props.status);
  const transitions = props.transitions;
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<ConflictView | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const [substantive, setSubstantive] = useState(false);
  const [scheduleAt, setScheduleAt] = useState("");
  const [updateAt, setUpdateAt] = useState("");
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [restore, setRestore] = useState<PendingRestore | null>(props.restore ?? null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  // The field errors of the last refused save, for the one-line notice after a confirmed restore.
  const refusedRef = useRef<string[]>([]);

  const live = status === "PUBLISHED";
  // Live stories are never autosaved: half-written changes must not reach readers. "Update live story" saves them.
  const autosave = props.canEdit && !live && !conflict;
  // What is on screen, updated in the same tick as every change, so a save never sends an older copy.
  const fieldsRef = useRef(fields);
  // The version the next save starts from; only saves and steps read it, so it need not trigger renders.
  const versionRef = useRef(props.version);

  const reading = useMemo(() => measureReading(fields.body), [fields.body]);

  const replaceFields = useCallback((change: (current: EditorFields) => EditorFields) => {
    fieldsRef.current = change(fieldsRef.current);
    setFields(fieldsRef.current);
  }, []);

  const send = useCallback(
    async (sent: EditorFields, mode: SaveMode): Promise<SaveOutcome> => {
      refusedRef.current = [];
      const result: ActionState<{ version: number; slug: string; savedAt: Date; status: Status }> = await saveStoryAction({
        id: props.id,
        baseVersion: versionRef.current,
        fields: sent,
        mode,
        substantive: live && substantive,
        restoredFrom: restore?.revisionId ?? null,
      });
      if (result?.ok && result.data) {
        const saved = result.data;
        versionRef.current = saved.version;
        // The server may fill in a blank slug; show the one it stored.
        replaceFields((current) => (current.slug === sent.slug ? { ...current, slug: saved.slug } : current));
        setFieldErrors({});
        return { ok: true, at: new Date(saved.savedAt).toISOString(), message: result.message };
      }
      if (result && !result.ok && result.conflict) {
        setConflict(result.conflict);
        return { ok: false, conflict: true, message: result.message };
      }
      const errors = (result && !result.ok && result.fieldErrors) || {};
      refusedRef.current = Object.values(errors).flat();
      setFieldErrors(errors);
      return { ok: false, message: result?.message ?? "Not saved." };
    },
    [props.id, live, substantive, restore, replaceFields],
  );

  const readFields = useCallback(() => fieldsRef.current, []);
  const initialSave: SaveState = props.restore ? { kind: "dirty" } : { kind: "idle", at: props.lastSaved.at };
  const { state: save, queue } = useSaveQueue<EditorFields>({ read: readFields, send, autosave, autosaveDelayMs: AUTOSAVE_DELAY_MS, initial: initialSave, dirty: !!props.restore });

  const update = useCallback(
    <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => {
      replaceFields((current) => ({ ...current, [key]: value }));
      queue.changed();
    },
    [queue, replaceFields],
  );

  /** Saves now. An old version loaded into a live story asks first: that save puts it in front of readers. */
  const requestSave = useCallback(() => {
    if (!props.canEdit || conflict) return;
    if (restore && live) return setConfirming(true);
    void queue.save("manual");
  }, [props.canEdit, conflict, restore, live, queue]);

  async function confirmRestore() {
    setConfirming(false);
    setNotice(null);
    if (await queue.save("manual")) {
      setRestore(null);
      // Drop ?restore= and take the stored story from the server.
      router.replace(`/admin/stories/${props.id}?restored=live`);
    } else {
      setNotice({ ok: false, text: [queue.current.message ?? "Not updated.", ...refusedRef.current].join(" ") });
    }
  }

  // Ctrl/⌘+S saves; leaving with unsaved changes asks first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        requestSave();
      }
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      if (queue.dirty || queue.busy) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onLeave);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onLeave);
    };
  }, [requestSave, queue]);

  // Soft lock: say who else has this story open.
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await heartbeatAction({ id: props.id });
      if (!stopped && result?.ok) setOthers([...new Set((result.data ?? []).map((p) => p.name))]);
    };
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      void leaveStoryAction({ id: props.id });
    };
  }, [props.id]);

  function move(to: Status) {
    startTransition(async () => {
      setNotice(null);
      if (restore && live) {
        setNotice({ ok: false, text: `Version ${restore.version} is loaded but not live. Update the live story with it first, or leave this page to discard it.` });
        return;
      }
      if (queue.dirty && props.canEdit && !(await queue.save("manual"))) return;
      const result = await transitionStoryAction({ id: props.id, baseVersion: versionRef.current, to, scheduledAt: to === "SCHEDULED" ? scheduleAt : null });
      if (result?.ok && result.data) {
        setStatus(result.data.status);
        setNotice({ ok: true, text: result.message });
        // Permissions and transitions depend on the new state: reload the page's server data.
        queue.discard();
        window.location.reload();
        return;
      }
      showRefusal(result);
    });
  }

  /** A refused workflow step: the conflict banner, the field errors, and one line saying what went wrong. */
  function showRefusal(result: ActionState<unknown>) {
    const failure = result && !result.ok ? result : null;
    if (failure?.conflict) setConflict(failure.conflict);
    setFieldErrors(failure?.fieldErrors ?? {});
    setNotice({ ok: false, text: [result?.message ?? "Not done.", ...Object.values(failure?.fieldErrors ?? {}).flat()].join(" ") });
  }

  function scheduleLiveUpdate() {
    startTransition(async () => {
      setNotice(null);
      const result = await scheduleUpdateAction({ id: props.id, baseVersion: versionRef.current, fields: fieldsRef.current, runAt: updateAt, substantive });
      if (result?.ok) {
        queue.discard();
        window.location.reload();
        return;
      }
      showRefusal(result);
    });
  }

  const readOnly = !props.canEdit;
  const errorFor = (name: string) =>
    fieldErrors[name]?.map((message) => (
      <p key={message} id={`${name}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
        {message}
      </p>
    ));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
          <span className="rounded bg-neutral-200 px-2 py-1 font-semibold dark:bg-neutral-800" data-testid="story-status">
            {STATUS_LABELS[status]}
          </span>
          <SaveIndicator state={save} live={live} readOnly={readOnly} />
          <span className="text-neutral-600 dark:text-neutral-400" data-testid="word-count">
            {reading.words.toLocaleString()} words · {reading.minutes} min read
          </span>
          {others.length > 0 && (
            <span role="status" className="rounded bg-amber-100 px-2 py-1 text-amber-950">
              Also open by {others.join(", ")}
            </span>
          )}
        </div>
        {conflict && (
          <StoryConflict
            id={props.id}
            conflict={conflict}
            mine={fields}
            onReload={() => {
              queue.discard();
              window.location.reload();
            }}
          />
        )}
        {restore && (
          <StoryRestoreBanner
            id={props.id}
            restore={restore}
            slug={fields.slug}
            onUseOldSlug={() => update("slug", restore.slug)}
          />
        )}
        {readOnly && (
          <p className="rounded border border-neutral-400 px-3 py-2 text-sm">
            You can read this story but not change it{status !== "DRAFT" ? ` while it is ${STATUS_LABELS[status].toLowerCase()}` : ""}.
          </p>
        )}
        <div className="space-y-1">
          <label htmlFor="headline" className="block text-sm font-semibold">
            Headline
          </label>
          <input id="headline" value={fields.headline} readOnly={readOnly} onChange={(e) => update("headline", e.target.value)} className={`${inputClass} font-serif text-2xl font-bold`} aria-invalid={!!fieldErrors.headline} />
          {errorFor("headline")}
        </div>
        <div className="space-y-1">
          <label htmlFor="standfirst" className="block text-sm font-semibold">
            Standfirst
          </label>
          <textarea id="standfirst" rows={3} value={fields.standfirst} readOnly={readOnly} onChange={(e) => update("standfirst", e.target.value)} className={inputClass} />
          {errorFor("standfirst")}
        </div>
        <div className="space-y-1">
          <span className="block text-sm font-semibold" id="body-label">
            Story
          </span>
          <RichTextEditor value={fields.body} onChange={(markdown) => update("body", markdown)} readOnly={readOnly} images={props.choices.images} />
          {errorFor("body")}
        </div>
      </div>

      <aside className="space-y-5" aria-label="Story settings">
        <section className="space-y-2 rounded border border-neutral-300 p-3 dark:border-neutral-700">
          <h2 className="font-bold">Publishing</h2>
          {notice && (
            <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "text-sm text-green-800" : "text-sm text-red-700 dark:text-red-400"}>
              {notice.text}
            </p>
          )}
          {props.canEdit && !conflict && (
            <div className="space-y-2">
              {live && (
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" checked={substantive} onChange={(e) => setSubstantive(e.target.checked)} className="mt-1" />
                  <span>Substantive update (shows readers a new “Updated” time; leave off for typo fixes)</span>
                </label>
              )}
              <button type="button" onClick={requestSave} disabled={save.kind === "saving" || confirming} className={`${buttonClass(live ? "primary" : "secondary")} w-full`}>
                {live ? "Update live story" : "Save"} <kbd className="text-xs font-normal opacity-70">Ctrl+S</kbd>
              </button>
              {confirming && restore && (
                <StoryRestoreConfirm version={restore.version} address={`/articles/${fields.slug}`} onConfirm={() => void confirmRestore()} onCancel={() => setConfirming(false)} />
              )}
            </div>
          )}
          {live && props.canEdit && props.can.schedule && !conflict && (
            <details className="text-sm">
              <summary className="cursor-pointer font-semibold">Schedule these changes instead</summary>
              <div className="mt-2 space-y-2">
                <label htmlFor="updateAt" className="block font-semibold">
                  Update goes out at
                </label>
                <input id="updateAt" type="datetime-local" step={1} onChange={(e) => setUpdateAt(e.target.value ? new Date(e.target.value).toISOString() : "")} className={inputClass} />
                {errorFor("runAt")}
                <button type="button" disabled={pending} onClick={scheduleLiveUpdate} className={`${buttonClass("secondary")} w-full`}>
                  Schedule update
                </button>
                <p className="text-xs text-neutral-600 dark:text-neutral-400">The live story stays as it is until then. If it is edited before, the update is not applied over those edits.</p>
              </div>
            </details>
          )}
          {props.scheduledUpdates.length > 0 && (
            <ul className="space-y-1 text-xs" aria-label="Scheduled updates">
              {props.scheduledUpdates.map((u) => (
                <li key={u.id}>
                  Update for {new Date(u.runAt).toLocaleString()}: {u.appliedAt ? "applied" : u.failure ? `not applied — ${u.failure}` : "pending"}
                </li>
              ))}
            </ul>
          )}
          {transitions.includes("SCHEDULED") && (
            <div className="space-y-1">
              <label htmlFor="scheduledAt" className="block text-sm font-semibold">
                Go live at
              </label>
              <input id="scheduledAt" type="datetime-local" step={1} onChange={(e) => setScheduleAt(e.target.value ? new Date(e.target.value).toISOString() : "")} className={inputClass} />
              {errorFor("scheduledAt")}
            </div>
          )}
          <div className="flex flex-col gap-2">
            {transitions.map((to) => (
              <button key={to} type="button" disabled={pending || !!conflict} onClick={() => move(to)} className={`${buttonClass(to === "PUBLISHED" ? "primary" : to === "ARCHIVED" ? "danger" : "secondary")} w-full`}>
                {TRANSITION_LABELS[to]}
              </button>
            ))}
          </div>
          <p className="flex flex-wrap gap-3 text-sm">
            <Link href={`/api/preview?id=${props.id}`} className="underline" target="_blank">
              Preview
            </Link>
            <Link href={`/admin/stories/${props.id}/history`} className="underline">
              History
            </Link>
            {props.publicUrl && (
              <Link href={props.publicUrl} className="underline" target="_blank">
                View live
              </Link>
            )}
          </p>
        </section>

        <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
          <h2 className="font-bold">Filing</h2>
          <div className="space-y-1">
            <label htmlFor="sectionId" className="block text-sm font-semibold">
              Section
            </label>
            <select id="sectionId" value={fields.sectionId} disabled={readOnly} onChange={(e) => update("sectionId", e.target.value)} className={inputClass}>
              <option value="">No section</option>
              {props.choices.sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {errorFor("sectionId")}
          </div>
          <BylinePicker value={fields.bylineIds} options={props.choices.bylines} disabled={readOnly} onChange={(ids) => update("bylineIds", ids)} />
          {errorFor("bylineIds")}
          <div className="space-y-1">
            <label htmlFor="tags" className="block text-sm font-semibold">
              Tags
            </label>
            <input
              id="tags"
              list="tag-suggestions"
              value={tagsText}
              readOnly={readOnly}
              onChange={(e) => {
                setTagsText(e.target.value);
                const tags = parseTags(e.target.value);
                if (tags.join("\n") !== fieldsRef.current.tags.join("\n")) update("tags", tags);
              }}
              className={inputClass}
              aria-describedby="tags-hint"
            />
            <datalist id="tag-suggestions">
              {props.choices.tags.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <p id="tags-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
              Separate with commas. New tags are created when you save.
            </p>
            {errorFor("tags")}
          </div>
          <div className="space-y-1">
            <label htmlFor="slug" className="block text-sm font-semibold">
              Slug
            </label>
            <input id="slug" value={fields.slug} readOnly={readOnly} onChange={(e) => update("slug", e.target.value)} className={inputClass} aria-describedby="slug-hint" aria-invalid={!!fieldErrors.slug} />
            <p id="slug-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
              The story’s address. Changing it on a published story keeps the old address working as a redirect.
            </p>
            {errorFor("slug")}
          </div>
        </section>

        <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
          <h2 className="font-bold">Hero image</h2>
          <select aria-label="Hero image" value={fields.heroMediaId} disabled={readOnly} onChange={(e) => update("heroMediaId", e.target.value)} className={inputClass}>
            <option value="">No hero image</option>
            {props.choices.images.map((image) => (
              <option key={image.id} value={image.id}>
                {image.alt ? image.alt.slice(0, 60) : `${image.name} (needs alt text)`}
              </option>
            ))}
          </select>
          {fields.heroMediaId && (
            // eslint-disable-next-line @next/next/no-img-element -- a preview from our own media route
            <img src={props.choices.images.find((i) => i.id === fields.heroMediaId)?.url} alt="" className="w-full rounded" />
          )}
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Alt text, caption and credit are edited in the <Link href="/admin/media" className="underline">media library</Link>.
          </p>
          {errorFor("heroMediaId")}
        </section>

        <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
          <h2 className="font-bold">Flags</h2>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={fields.breaking} disabled={readOnly || !props.can.setBreaking} onChange={(e) => update("breaking", e.target.checked)} />
            Breaking news
          </label>
          {fields.breaking && (
            <div className="space-y-1">
              <label htmlFor="breakingUntil" className="block text-sm font-semibold">
                Breaking until
              </label>
              <input
                id="breakingUntil"
                type="datetime-local"
                value={fields.breakingUntil ? toLocalInput(fields.breakingUntil) : ""}
                disabled={readOnly || !props.can.setBreaking}
                onChange={(e) => update("breakingUntil", e.target.value ? new Date(e.target.value).toISOString() : "")}
                className={inputClass}
              />
            </div>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={fields.featured} disabled={readOnly || !props.can.setLead} onChange={(e) => update("featured", e.target.checked)} />
            Pin as the lead story
          </label>
        </section>

        <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
          <h2 className="font-bold">Search and sharing</h2>
          <div className="space-y-1">
            <label htmlFor="seoTitle" className="block text-sm font-semibold">
              SEO title
            </label>
            <input id="seoTitle" value={fields.seoTitle} readOnly={readOnly} onChange={(e) => update("seoTitle", e.target.value)} className={inputClass} placeholder={fields.headline} />
            {errorFor("seoTitle")}
          </div>
          <div className="space-y-1">
            <label htmlFor="seoDescription" className="block text-sm font-semibold">
              SEO description
            </label>
            <textarea id="seoDescription" rows={3} value={fields.seoDescription} readOnly={readOnly} onChange={(e) => update("seoDescription", e.target.value)} className={inputClass} placeholder={fields.standfirst} />
            {errorFor("seoDescription")}
          </div>
        </section>
      </aside>
    </div>
  );
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

function SaveIndicator({ state, live, readOnly }: { state: SaveState; live: boolean; readOnly: boolean }) {
  if (readOnly) return null;
  const text = {
    idle: state.at ? `Saved ${formatTime(state.at)}` : "",
    dirty: live ? "Unsaved changes — not live until you update" : "Unsaved changes",
    saving: "Saving…",
    saved: state.at ? `Saved ${formatTime(state.at)}` : "Saved",
    error: state.message ?? "Not saved",
    conflict: "Not saved: someone else saved first",
  }[state.kind];
  return (
    <span data-testid="save-state" data-state={state.kind} className={state.kind === "error" || state.kind === "conflict" ? "font-semibold text-red-700 dark:text-red-400" : "text-neutral-700 dark:text-neutral-300"}>
      {text}
    </span>
  );
}

function BylinePicker({ value, options, disabled, onChange }: { value: string[]; options: { id: string; name: string }[]; disabled: boolean; onChange: (ids: string[]) => void }) {
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? "Unknown byline";
  const moveBy = (index: number, delta: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-semibold">Bylines</legend>
      <ol className="space-y-1">
        {value.map((id, index) => (
          <li key={id} className="flex items-center gap-1 text-sm">
            <span className="flex-1">{nameOf(id)}</span>
            {!disabled && (
              <>
                <button type="button" aria-label={`Move ${nameOf(id)} up`} disabled={index === 0} onClick={() => moveBy(index, -1)} className="rounded px-1 hover:bg-neutral-100 disabled:opacity-30 dark:hover:bg-neutral-800">
                  ↑
                </button>
                <button type="button" aria-label={`Move ${nameOf(id)} down`} disabled={index === value.length - 1} onClick={() => moveBy(index, 1)} className="rounded px-1 hover:bg-neutral-100 disabled:opacity-30 dark:hover:bg-neutral-800">
                  ↓
                </button>
                <button type="button" aria-label={`Remove ${nameOf(id)}`} onClick={() => onChange(value.filter((v) => v !== id))} className="rounded px-1 hover:bg-neutral-100 dark:hover:bg-neutral-800">
                  ✕
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <select
          aria-label="Add a byline"
          value=""
          onChange={(e) => e.target.value && onChange([...value, e.target.value])}
          className={inputClass}
        >
          <option value="">Add a byline…</option>
          {options
            .filter((o) => !value.includes(o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      )}
    </fieldset>
  );
}
