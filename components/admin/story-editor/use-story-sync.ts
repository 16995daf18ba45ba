"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveStoryAction } from "@/lib/actions/stories/save-story";
import { currentFieldsAction, type CurrentStory } from "@/lib/actions/stories/current-fields";
import type { ActionState } from "@/lib/actions/result";
import type { Status } from "@/lib/auth/permissions";
import { mergeFields, resolveMerge, type ConflictChoice, type MergeResult } from "@/lib/content/merge";
import type { SaveMode, SaveOutcome, SaveState } from "../save-queue";
import { useSaveQueue } from "../use-save-queue";
import type { EditorFields } from "./fields";

const AUTOSAVE_DELAY_MS = 2000;
/** Saves retried after a clean merge before giving up (each retry means yet another save landed meanwhile). */
const MERGE_ATTEMPTS = 4;

/** Overlapping changes waiting for the person's choice. */
export interface PendingMerge {
  result: MergeResult<EditorFields>;
  /** What was on screen when the merge was made. */
  mine: EditorFields;
  theirs: CurrentStory;
}

interface Options {
  id: string;
  initial: EditorFields;
  version: number;
  autosave: boolean;
  initialSave: SaveState;
  dirty: boolean;
  /** Extra input for each save (live story: substantive, restoredFrom). */
  extra: () => { substantive: boolean; restoredFrom: string | null };
  /** A colleague's save was taken in: their status and who saved. */
  onTheirs: (story: CurrentStory) => void;
  onSaved: (saved: { version: number; status: Status; savedAt: string }) => void;
  /**
   * Puts a body changed by a merge on screen at once (the rich-text editor's handle). Through React state alone it
   * would arrive a render later, and words typed in between would be saved over the colleague's change, or lost.
   */
  showBody?: (body: string) => void;
}

const equal = (a: EditorFields, b: EditorFields) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The editor's fields and how they reach the server: one ordered save queue with autosave, and, when someone else
 * saved first, a three-way merge against the version this browser last loaded or saved (the base). A clean merge
 * is saved at once with no dialog; overlapping changes wait in `merge` for the person's choice.
 */
export function useStorySync(options: Options) {
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const [fields, setFields] = useState<EditorFields>(options.initial);
  // What is on screen, updated in the same tick as every change, so a save or a merge never reads an older copy.
  const fieldsRef = useRef(options.initial);
  const baseRef = useRef(options.initial);
  const versionRef = useRef(options.version);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [merge, setMerge] = useState<PendingMerge | null>(null);
  const refusedRef = useRef<string[]>([]);

  const replaceFields = useCallback((change: (current: EditorFields) => EditorFields) => {
    const next = change(fieldsRef.current);
    if (next.body !== fieldsRef.current.body) opts.current.showBody?.(next.body);
    fieldsRef.current = next;
    setFields(next);
  }, []);

  /**
   * Takes in the server's current story: merges it with what is on screen (read after the fetch, with no await
   * between reading and writing the screen, so nothing typed meanwhile is lost). Returns whether the merge was clean.
   */
  const takeTheirs = useCallback(async (): Promise<"merged" | "conflict" | "failed"> => {
    const answer = await currentFieldsAction({ id: opts.current.id });
    if (!answer?.ok || !answer.data) return "failed";
    const theirs = answer.data;
    if (theirs.version <= versionRef.current) return "merged";
    const screen = fieldsRef.current;
    const result = mergeFields(baseRef.current, screen, theirs.fields);
    opts.current.onTheirs(theirs);
    if (!result.merged) {
      // What does not overlap goes on screen now; the overlapping places keep mine until the person chooses.
      const partial = resolveMerge(result, {});
      if (!equal(partial, screen)) replaceFields(() => partial);
      setMerge({ result, mine: partial, theirs });
      return "conflict";
    }
    const merged = result.merged;
    baseRef.current = theirs.fields;
    versionRef.current = theirs.version;
    if (!equal(merged, screen)) replaceFields(() => merged);
    return "merged";
  }, [replaceFields]);

  const send = useCallback(
    async (snapshot: EditorFields, mode: SaveMode): Promise<SaveOutcome> => {
      refusedRef.current = [];
      let sent = snapshot;
      for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
        // Nothing of ours to add to what the server holds: no save, no new version for the others to merge.
        if (attempt > 0 && equal(sent, baseRef.current)) return { ok: true, at: new Date().toISOString(), message: "Merged." };
        const result: ActionState<{ version: number; slug: string; savedAt: Date; status: Status }> = await saveStoryAction({
          id: opts.current.id,
          baseVersion: versionRef.current,
          fields: sent,
          mode,
          ...opts.current.extra(),
        });
        if (result?.ok && result.data) {
          const saved = result.data;
          versionRef.current = saved.version;
          baseRef.current = { ...sent, slug: saved.slug };
          // The server may fill in a blank slug; show the one it stored.
          replaceFields((current) => (current.slug === sent.slug ? { ...current, slug: saved.slug } : current));
          setFieldErrors({});
          const at = new Date(saved.savedAt).toISOString();
          opts.current.onSaved({ version: saved.version, status: saved.status, savedAt: at });
          return { ok: true, at, message: result.message };
        }
        if (result && !result.ok && result.conflict) {
          const taken = await takeTheirs();
          if (taken === "merged") {
            sent = fieldsRef.current;
            continue;
          }
          return { ok: false, conflict: true, message: taken === "conflict" ? "Your changes and theirs overlap: choose below." : result.message };
        }
        const errors = (result && !result.ok && result.fieldErrors) || {};
        refusedRef.current = Object.values(errors).flat();
        setFieldErrors(errors);
        return { ok: false, message: result?.message ?? "Not saved." };
      }
      return { ok: false, message: "Not saved: others keep saving. Try again." };
    },
    [replaceFields, takeTheirs],
  );

  const readFields = useCallback(() => fieldsRef.current, []);
  const { state: save, queue } = useSaveQueue<EditorFields>({
    read: readFields,
    send,
    autosave: options.autosave && !merge,
    autosaveDelayMs: AUTOSAVE_DELAY_MS,
    initial: options.initialSave,
    dirty: options.dirty,
  });

  const update = useCallback(
    <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => {
      replaceFields((current) => ({ ...current, [key]: value }));
      queue.changed();
    },
    [queue, replaceFields],
  );

  /** A colleague saved (seen by the heartbeat): take their version in, in turn with our saves. */
  const pull = useCallback(
    (serverVersion: number) => {
      if (serverVersion <= versionRef.current || queue.busy || queue.inConflict) return;
      void queue.exclusive(async () => {
        if ((await takeTheirs()) === "merged" && !equal(fieldsRef.current, baseRef.current)) queue.changed();
      });
    },
    [queue, takeTheirs],
  );

  /** A refused workflow step said someone else saved first: merge their version in, as a save would. */
  const reconcile = useCallback(
    () =>
      queue.exclusive(async () => {
        const taken = await takeTheirs();
        if (taken === "merged" && !equal(fieldsRef.current, baseRef.current)) queue.changed();
        return taken;
      }),
    [queue, takeTheirs],
  );

  /** The person's choice for every overlapping hunk: apply it, keep anything typed since, and save. */
  const resolve = useCallback(
    (choices: Record<string, ConflictChoice>) => {
      if (!merge) return;
      const resolved = resolveMerge(merge.result, choices);
      const screen = fieldsRef.current;
      const again = mergeFields(merge.mine, screen, resolved);
      if (!again.merged) {
        // Typed into the same words while choosing: ask again about those.
        setMerge({ result: again, mine: screen, theirs: { ...merge.theirs, fields: resolved } });
        return;
      }
      const final = again.merged;
      baseRef.current = merge.theirs.fields;
      versionRef.current = merge.theirs.version;
      replaceFields(() => final);
      setMerge(null);
      queue.resume();
      queue.changed();
      void queue.save("manual");
    },
    [merge, queue, replaceFields],
  );

  return { fields, fieldsRef, baseRef, versionRef, replaceFields, update, save, queue, fieldErrors, setFieldErrors, refusedRef, merge, resolve, pull, reconcile };
}
