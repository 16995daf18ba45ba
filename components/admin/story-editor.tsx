"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { can, type Role, type Status } from "@/lib/auth/permissions";
import type { FieldValue } from "@/lib/content/merge";
import { measureReading } from "@/lib/content/reading-time";
import { buttonClass } from "@/components/ui/button-styles";
import { StoryConflict } from "./story-conflict";
import { StoryRestoreBanner, StoryRestoreConfirm } from "./story-restore";
import type { SaveState } from "./save-queue";
import type { RichTextHandle } from "./rich-text-editor";
import { StoryCommentsPanel } from "./story-comments-panel";
import { EmbargoBanner } from "./story-editor/embargo";
import { paragraphsOf, type EditorFields } from "./story-editor/fields";
import { FilingPanel, SectionBylineFields } from "./story-editor/filing-panel";
import { FlagsPanel } from "./story-editor/flags-panel";
import { HeroPanel } from "./story-editor/hero-panel";
import { PublishingPanel } from "./story-editor/publishing-panel";
import { SeoPanel } from "./story-editor/seo-panel";
import { TextPanel } from "./story-editor/text-panel";
import { presenceText, usePresence } from "./story-editor/use-presence";
import { useStorySync } from "./story-editor/use-story-sync";
import { useWorkflow, type ScheduledUpdateView } from "./story-editor/use-workflow";
import { validateFields } from "./story-editor/validate";
import { ZonedTime } from "./story-editor/zoned-time";
import { onStoryVersion } from "./story-version-event";

export type { EditorFields } from "./story-editor/fields";
export { parseTags } from "./story-editor/fields";

export interface StoryEditorProps {
  id: string;
  initial: EditorFields;
  version: number;
  status: Status;
  scheduledAt: string | null;
  /** Who is editing: with `own`, decides the steps offered and whether the fields can be changed, as the server does. */
  role: Role;
  own: boolean;
  can: { setBreaking: boolean; setLead: boolean; schedule: boolean; embargo: boolean };
  lastSaved: { by: string | null; at: string };
  scheduledUpdates: ScheduledUpdateView[];
  /** The site's time zone: every time shown or typed in the editor is on this clock. */
  timeZone: string;
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

const STATUS_LABELS: Record<Status, string> = { DRAFT: "Draft", IN_REVIEW: "In review", SCHEDULED: "Scheduled", PUBLISHED: "Published", ARCHIVED: "Archived" };

/** Composes the editor: the sync hook (save queue, autosave, merge), presence, workflow, and one panel per job. */
export function StoryEditor(props: StoryEditorProps) {
  const router = useRouter();
  const [restore, setRestore] = useState<PendingRestore | null>(props.restore ?? null);
  const [substantive, setSubstantive] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const images = props.choices.images;
  const [status, setStatus] = useState<Status>(props.status);
  const live = status === "PUBLISHED";
  const [savedInfo, setSavedInfo] = useState(props.lastSaved);

  // The data layer's rule (editableWhere): editors edit any story, writers only their own drafts.
  const canEditNow = (s: Status) => can(props.role, "article.editAny") || (props.own && s === "DRAFT");
  const bodyEditor = useRef<RichTextHandle>(null);
  const sync = useStorySync({
    id: props.id,
    initial: props.initial,
    version: props.version,
    // Live stories are never autosaved: half-written changes must not reach readers. "Update live story" saves them.
    autosave: canEditNow(status) && !live,
    initialSave: props.restore ? { kind: "dirty" } : { kind: "idle", at: props.lastSaved.at },
    dirty: !!props.restore,
    extra: () => ({ substantive: live && substantive, restoredFrom: restore?.revisionId ?? null }),
    onTheirs: (story) => {
      setSavedInfo({ by: story.savedBy, at: story.savedAt });
      setStatus(story.status);
    },
    onSaved: () => undefined,
    showBody: (body) => bodyEditor.current?.takeIn(body),
  });
  const workflow = useWorkflow({
    id: props.id,
    role: props.role,
    own: props.own,
    status,
    setStatus,
    scheduledAt: props.scheduledAt,
    scheduledUpdates: props.scheduledUpdates,
    sync,
    blockedReason: () => (restore && live ? `Version ${restore.version} is loaded but not live. Update the live story with it first, or leave this page to discard it.` : null),
  });

  const { others, typed } = usePresence(props.id, sync.pull);
  const { fields, save, queue, pull } = sync;
  // A note published beside the editor gave the story a new version: take it in as a colleague's save would be.
  useEffect(() => onStoryVersion(props.id, pull), [props.id, pull]);
  const readOnly = !workflow.canEdit;
  const reading = useMemo(() => measureReading(fields.body), [fields.body]);
  // The save action's own schema, on screen; the server's answer (e.g. a taken slug) adds to it.
  const errors = useMemo(() => mergeErrors(validateFields(fields), sync.fieldErrors), [fields, sync.fieldErrors]);

  const update = useCallback(
    <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => {
      sync.update(key, value);
      typed();
    },
    [sync, typed],
  );

  /** Saves now. An old version loaded into a live story asks first: that save puts it in front of readers. */
  const requestSave = useCallback(() => {
    if (readOnly || sync.merge) return;
    if (restore && live) return setConfirming(true);
    void queue.save("manual");
  }, [readOnly, sync.merge, restore, live, queue]);

  async function confirmRestore() {
    setConfirming(false);
    workflow.setNotice(null);
    if (await queue.save("manual")) {
      setRestore(null);
      // The page says so and shows the live story afresh. Its address must leave ?restore= behind: the save's own
      // refresh of the page (its cache tags expired) would otherwise load the old version into the editor again.
      router.replace(`/admin/stories/${props.id}?restored=live`);
    } else {
      workflow.setNotice({ ok: false, text: [queue.current.message ?? "Not updated.", ...sync.refusedRef.current].join(" ") });
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

  const describe = (field: string, value: FieldValue): string => {
    if (field === "sectionId") return props.choices.sections.find((s) => s.id === value)?.name ?? "No section";
    if (field === "bylineIds") return (value as string[]).map((id) => props.choices.bylines.find((b) => b.id === id)?.name ?? "Unknown byline").join(", ") || "No bylines";
    if (field === "heroMediaId") return images.find((i) => i.id === value)?.alt || (value ? "An image" : "No hero image");
    if (Array.isArray(value)) return value.join(", ") || "None";
    if (typeof value === "boolean") return value ? "Yes" : "No";
    return value || "Empty";
  };

  const presence = presenceText(others);
  const paragraphs = useMemo(() => paragraphsOf(fields.body), [fields.body]);

  const saveControls = !readOnly && !sync.merge && (
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
      {confirming && restore && <StoryRestoreConfirm version={restore.version} address={`/articles/${fields.slug}`} onConfirm={() => void confirmRestore()} onCancel={() => setConfirming(false)} />}
    </div>
  );

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_17rem] lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
          <span className="rounded bg-neutral-200 px-2 py-1 font-semibold dark:bg-neutral-800" data-testid="story-status">
            {STATUS_LABELS[status]}
          </span>
          <SaveIndicator state={save} live={live} readOnly={readOnly} timeZone={props.timeZone} />
          <span className="text-neutral-600 dark:text-neutral-400" data-testid="word-count">
            {reading.words.toLocaleString()} words · {reading.minutes} min read
          </span>
          {presence && (
            <span role="status" data-testid="presence" className="rounded bg-amber-100 px-2 py-1 text-amber-950">
              {presence}
            </span>
          )}
        </div>
        {sync.merge && (
          <StoryConflict
            key={sync.merge.result.conflicts.map((c) => c.id).join() + sync.merge.theirs.version}
            conflicts={sync.merge.result.conflicts}
            savedBy={sync.merge.theirs.savedBy}
            savedAt={sync.merge.theirs.savedAt}
            timeZone={props.timeZone}
            describe={describe}
            onResolve={sync.resolve}
          />
        )}
        <EmbargoBanner iso={fields.embargoUntil} timeZone={props.timeZone} />
        {restore && <StoryRestoreBanner id={props.id} restore={restore} slug={fields.slug} onUseOldSlug={() => update("slug", restore.slug)} />}
        {readOnly && (
          <p className="rounded border border-neutral-400 px-3 py-2 text-sm">
            You can read this story but not change it{status !== "DRAFT" ? ` while it is ${STATUS_LABELS[status].toLowerCase()}` : ""}.
          </p>
        )}
        <TextPanel fields={fields} errors={errors} readOnly={readOnly} images={images} update={update} bodyHandle={bodyEditor} />
        {savedInfo.by && (
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Last saved by {savedInfo.by} at <ZonedTime iso={savedInfo.at} timeZone={props.timeZone} />
          </p>
        )}
      </div>

      <aside className="space-y-5" aria-label="Story settings">
        {/* Sticky from tablet width up: Save, the steps, section and bylines stay in reach beside a long story. */}
        <div className="md:sticky md:top-2 md:max-h-[calc(100vh-1rem)] md:overflow-y-auto">
          <PublishingPanel
            id={props.id}
            workflow={workflow}
            errors={errors}
            timeZone={props.timeZone}
            canSchedule={props.can.schedule}
            live={live}
            saveControls={saveControls}
            filing={<SectionBylineFields fields={fields} errors={errors} readOnly={readOnly} sections={props.choices.sections} bylines={props.choices.bylines} update={update} />}
            publicUrl={status === "PUBLISHED" ? `/articles/${fields.slug}` : null}
            scheduledUpdates={workflow.scheduledUpdates}
            conflicted={!!sync.merge}
            onScheduleUpdate={workflow.scheduleLiveUpdate}
            substantive={substantive}
          />
        </div>
        <FilingPanel fields={fields} errors={errors} readOnly={readOnly} tags={props.choices.tags} update={update} embargo={{ timeZone: props.timeZone, canSet: props.can.embargo }} />
        <HeroPanel value={fields.heroMediaId} images={images} errors={errors} readOnly={readOnly} onChange={(id) => update("heroMediaId", id)} />
        <FlagsPanel fields={fields} errors={errors} readOnly={readOnly} can={props.can} timeZone={props.timeZone} update={update} />
        <SeoPanel fields={fields} errors={errors} readOnly={readOnly} update={update} />
        <StoryCommentsPanel articleId={props.id} paragraphs={paragraphs} />
      </aside>
    </div>
  );
}

function mergeErrors(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [key, messages] of Object.entries(b)) out[key] = [...(out[key] ?? []), ...messages];
  return out;
}

function SaveIndicator({ state, live, readOnly, timeZone }: { state: SaveState; live: boolean; readOnly: boolean; timeZone: string }) {
  if (readOnly) return null;
  const at = state.at ? <ZonedTime iso={state.at} timeZone={timeZone} style="time" /> : null;
  const text = {
    idle: at ? <>Saved {at}</> : "",
    dirty: live ? "Unsaved changes — not live until you update" : "Unsaved changes",
    saving: "Saving…",
    saved: at ? <>Saved {at}</> : "Saved",
    error: state.message ?? "Not saved",
    conflict: "Not saved yet: your changes overlap with a colleague’s",
  }[state.kind];
  return (
    <span data-testid="save-state" data-state={state.kind} className={state.kind === "error" || state.kind === "conflict" ? "font-semibold text-red-700 dark:text-red-400" : "text-neutral-700 dark:text-neutral-300"}>
      {text}
    </span>
  );
}
