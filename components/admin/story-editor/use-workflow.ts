"use client";
import { useState, useTransition } from "react";
import { transitionStoryAction } from "@/lib/actions/stories/transition-story";
import { rescheduleStoryAction } from "@/lib/actions/stories/reschedule-story";
import { scheduleUpdateAction } from "@/lib/actions/stories/schedule-update";
import { trashStoryAction } from "@/lib/actions/stories/trash";
import type { ActionState } from "@/lib/actions/result";
import { allowedTransitions, can, type Role, type Status } from "@/lib/auth/permissions";
import type { EditorFields } from "./fields";
import type { useStorySync } from "./use-story-sync";

export interface ScheduledUpdateView {
  id: string;
  runAt: string;
  appliedAt: string | null;
  failure: string | null;
}

interface Options {
  id: string;
  role: Role;
  own: boolean;
  status: Status;
  setStatus: (status: Status) => void;
  scheduledAt: string | null;
  scheduledUpdates: ScheduledUpdateView[];
  sync: ReturnType<typeof useStorySync>;
  /** Whether a step may go ahead now (an old version loaded into a live story must go live first). */
  blockedReason: () => string | null;
}

export type Notice = { ok: boolean; text: string } | null;

/**
 * The workflow steps (submit, schedule, publish, back to draft, reschedule, schedule a live update). Each step's
 * answer updates the editor in place: the new status, version and schedule, and what this person may now do.
 */
export function useWorkflow({ id, role, own, status, setStatus, scheduledAt: initialScheduledAt, scheduledUpdates: initialUpdates, sync, blockedReason }: Options) {
  const [scheduledAt, setScheduledAt] = useState<string | null>(initialScheduledAt);
  const [scheduledUpdates, setScheduledUpdates] = useState(initialUpdates);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, startTransition] = useTransition();

  const transitions = allowedTransitions(role, status, { own });
  // The same rule as the data layer's editableWhere: editors edit any story, writers only their own drafts.
  const canEdit = can(role, "article.editAny") || (own && status === "DRAFT");

  /** A refused step: merge a colleague's save in, mark the fields, and say in one line what went wrong. */
  function showRefusal(result: ActionState<unknown>) {
    const failure = result && !result.ok ? result : null;
    if (failure?.conflict) {
      void sync.reconcile().then((taken) =>
        setNotice({ ok: false, text: taken === "conflict" ? "Someone else saved meanwhile: choose what to keep above, then try again." : "Someone else saved meanwhile; their changes are merged in. Try again." }),
      );
      return;
    }
    sync.setFieldErrors(failure?.fieldErrors ?? {});
    setNotice({ ok: false, text: [result?.message ?? "Not done.", ...Object.values(failure?.fieldErrors ?? {}).flat()].join(" ") });
  }

  /** Saves what is unsaved first; false (with the reason shown) when the step should not go ahead. */
  async function ready(): Promise<boolean> {
    setNotice(null);
    const blocked = blockedReason();
    if (blocked) {
      setNotice({ ok: false, text: blocked });
      return false;
    }
    if (sync.merge) {
      setNotice({ ok: false, text: "Choose what to keep in the overlapping changes first." });
      return false;
    }
    if (sync.queue.dirty && canEdit && !(await sync.queue.save("manual"))) return false;
    return true;
  }

  function move(to: Status, extra: { scheduledAt?: string | null; note?: string } = {}, done?: () => void) {
    startTransition(async () => {
      if (!(await ready())) return;
      const result = await transitionStoryAction({ id, baseVersion: sync.versionRef.current, to, scheduledAt: to === "SCHEDULED" ? (extra.scheduledAt ?? null) : null, ...(extra.note && { note: extra.note }) });
      if (result?.ok && result.data) {
        const step = result.data;
        sync.versionRef.current = step.version;
        // Publishing may fill in the slug; base and screen take it alike so it is not seen as an edit.
        sync.baseRef.current = { ...sync.baseRef.current, slug: step.slug };
        sync.replaceFields((current) => ({ ...current, slug: step.slug }));
        setStatus(step.status);
        setScheduledAt(step.scheduledAt ? new Date(step.scheduledAt).toISOString() : null);
        sync.setFieldErrors({});
        setNotice({ ok: true, text: result.message });
        done?.();
        return;
      }
      showRefusal(result);
    });
  }

  /** A scheduled story: a new time, or (null) off the schedule and back to review. */
  function reschedule(at: string | null) {
    startTransition(async () => {
      if (!(await ready())) return;
      const result = await rescheduleStoryAction({ id, baseVersion: sync.versionRef.current, scheduledAt: at });
      if (result?.ok && result.data) {
        sync.versionRef.current = result.data.version;
        setStatus(result.data.status);
        setScheduledAt(result.data.scheduledAt);
        setNotice({ ok: true, text: result.message });
        return;
      }
      showRefusal(result);
    });
  }

  /** A live story's edits held back until a time; the editor goes back to showing the live story. */
  function scheduleLiveUpdate(runAt: string, substantive: boolean) {
    startTransition(async () => {
      setNotice(null);
      const result = await scheduleUpdateAction({ id, baseVersion: sync.versionRef.current, fields: sync.fieldsRef.current, runAt, substantive });
      if (result?.ok && result.data) {
        const scheduled = { id: result.data.id, runAt, appliedAt: null, failure: null };
        setScheduledUpdates((list) => [scheduled, ...list]);
        sync.queue.discard();
        const live: EditorFields = sync.baseRef.current;
        sync.replaceFields(() => live);
        setNotice({ ok: true, text: result.message });
        return;
      }
      showRefusal(result);
    });
  }

  /** Moves the story to the trash (what is unsaved is saved first, so the restored story is the one on screen). */
  function trash(done: () => void) {
    startTransition(async () => {
      if (!(await ready())) return;
      const form = new FormData();
      form.set("id", id);
      const result = await trashStoryAction(null, form);
      if (result?.ok) {
        // Nothing may autosave into a story that is in the trash (the write path would refuse it anyway).
        sync.queue.discard();
        done();
        return;
      }
      setNotice({ ok: false, text: result?.message ?? "Not moved to the trash. Try again." });
    });
  }

  return { status, scheduledAt, scheduledUpdates, transitions, canEdit, notice, setNotice, pending, move, reschedule, scheduleLiveUpdate, trash };
}
