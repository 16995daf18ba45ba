"use client";
import { useActionState } from "react";
import { restoreRevisionAction } from "@/lib/actions/stories/restore-revision";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function RestoreRevisionButton({ id, revisionId, baseVersion, version }: { id: string; revisionId: string; baseVersion: number; version: number }) {
  const [state, action] = useActionState(restoreRevisionAction, null);
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <SubmitButton variant="secondary" pendingLabel="Restoring…" aria-label={`Restore version ${version}`}>
        Restore
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
