"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { disableTwoFactorAction } from "@/lib/actions/account/disable-two-factor";
import { regenerateRecoveryCodesAction } from "@/lib/actions/account/regenerate-recovery-codes";
import type { RecoveryCodesState } from "@/lib/actions/account/confirm-totp-enrolment";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TwoFactorRecoveryCodes } from "./two-factor-recovery-codes";

type Task = "codes" | "disable";

/**
 * With two-factor sign-in on: new recovery codes, or turning it off. Both ask for the password, one at a time (so
 * the page never holds two password fields for different purposes).
 */
export function TwoFactorManage({ canDisable }: { canDisable: boolean }) {
  const [task, setTask] = useState<Task | null>(null);
  const openers = useRef<Partial<Record<Task, HTMLButtonElement | null>>>({});
  const lastTask = useRef<Task | null>(null);
  // Back from a panel (cancelled or done), keyboard focus returns to the button that opened it.
  useEffect(() => {
    if (task === null && lastTask.current) openers.current[lastTask.current]?.focus();
    lastTask.current = task;
  }, [task]);
  const [codesState, codesAction] = useActionState<RecoveryCodesState, FormData>(async (previous, formData) => {
    const result = await regenerateRecoveryCodesAction(previous, formData);
    if (result?.ok) setTask(null);
    return result;
  }, null);
  // On success the action moves to the page's "turned off" notice.
  const [disableState, disableAction] = useActionState(disableTwoFactorAction, null);
  const state = task === "disable" ? disableState : codesState;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const freshCodes = codesState?.ok ? codesState.data?.recoveryCodes : undefined;

  return (
    <div className="space-y-4">
      {freshCodes && task === null && (
        <>
          <FormMessage state={codesState} />
          <TwoFactorRecoveryCodes codes={freshCodes} />
        </>
      )}
      {task === null ? (
        <div className="flex flex-wrap gap-2">
          <button ref={(node) => void (openers.current.codes = node)} type="button" className={buttonClass("secondary")} onClick={() => setTask("codes")}>
            Make new recovery codes…
          </button>
          {canDisable && (
            <button ref={(node) => void (openers.current.disable = node)} type="button" className={buttonClass("secondary")} onClick={() => setTask("disable")}>
              Turn off two-factor sign-in…
            </button>
          )}
        </div>
      ) : (
        <form
          action={task === "codes" ? codesAction : disableAction}
          className={`max-w-md space-y-4 rounded border p-4 ${task === "disable" ? "border-red-700 bg-red-50 dark:bg-red-950" : "border-neutral-300 dark:border-neutral-700"}`}
          noValidate
        >
          <p className="font-semibold">
            {task === "codes"
              ? "Make a new set of ten recovery codes? Your old codes will stop working."
              : "Turn off two-factor sign-in? Signing in will need only your password, and your recovery codes will stop working."}
          </p>
          {state && !state.ok && <FormMessage state={state} />}
          <TextField name="password" label="Your password" type="password" autoComplete="current-password" required autoFocus errors={errors?.password} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant={task === "disable" ? "danger" : "primary"} pendingLabel={task === "codes" ? "Making codes…" : "Turning off…"}>
              {task === "codes" ? "Make new recovery codes" : "Turn off two-factor sign-in"}
            </SubmitButton>
            <button type="button" className={buttonClass("secondary")} onClick={() => setTask(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
