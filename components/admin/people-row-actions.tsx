"use client";
import { useActionState, useState } from "react";
import { changeRoleAction } from "@/lib/actions/people/change-role";
import { resetTwoFactorAction } from "@/lib/actions/people/reset-two-factor";
import { setDisabledAction } from "@/lib/actions/people/set-disabled";
import { cancelInvitationAction } from "@/lib/actions/people/cancel-invitation";
import { resendInvitationAction } from "@/lib/actions/people/resend-invitation";
import { sendPasswordResetAction } from "@/lib/actions/people/send-password-reset";
import type { LinkResult } from "@/lib/actions/people/link-result";
import type { ActionState } from "@/lib/actions/result";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import type { Role } from "@/lib/auth/permissions";
import { OneTimeLink } from "./one-time-link";
import { ROLE_OPTIONS } from "./people-roles";

const COMPACT = "min-h-9 whitespace-nowrap px-3 py-1.5";
const COMPACT_SELECT =
  "rounded border border-neutral-400 bg-white px-2 py-1.5 text-sm text-neutral-900 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100";

/** A one-line outcome under a row's control (the row's own success or refusal). */
function RowMessage({ state }: { state: ActionState<unknown> }) {
  if (!state?.message) return null;
  const text = state.ok ? state.message : [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ");
  return (
    <p role={state.ok ? "status" : "alert"} className={`mt-1 max-w-56 text-xs ${state.ok ? "text-green-800 dark:text-green-300" : "font-medium text-red-700 dark:text-red-400"}`}>
      {text}
    </p>
  );
}

export function PersonRoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const [state, action] = useActionState(changeRoleAction, null);
  const selectId = `role-${userId}`;
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={selectId} className="sr-only">
        Role for {name}
      </label>
      <div className="flex items-center gap-2">
        <select id={selectId} name="role" defaultValue={role} key={role} className={COMPACT_SELECT}>
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" pendingLabel="Saving…" className={COMPACT}>
          Change<span className="sr-only"> role for {name}</span>
        </SubmitButton>
      </div>
      <RowMessage state={state} />
    </form>
  );
}

export function PersonStatusForm({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const [state, action] = useActionState(setDisabledAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel={disabled ? "Enabling…" : "Disabling…"} className={`${COMPACT} ${disabled ? "" : "text-red-800 dark:text-red-300"}`}>
        {disabled ? "Enable" : "Disable"}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <RowMessage state={state} />
    </form>
  );
}

/**
 * Resetting cannot be undone (they must enrol again), so it asks once more. Rendered for everyone else's row, so the
 * outcome stays in view after the reset turns their two-factor sign-in off (and the button goes).
 */
export function PersonResetTwoFactorForm({ userId, name, enabled }: { userId: string; name: string; enabled: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const result = await resetTwoFactorAction(previous, formData);
    setConfirming(false);
    return result;
  }, null);
  return (
    <div className="mt-1">
      {!enabled ? null : confirming ? (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="danger" pendingLabel="Resetting…" className={COMPACT} autoFocus>
            Confirm reset<span className="sr-only"> of two-factor sign-in for {name}</span>
          </SubmitButton>
          <button type="button" className={`${buttonClass("secondary")} ${COMPACT}`} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className={`${buttonClass("secondary")} ${COMPACT}`} onClick={() => setConfirming(true)}>
          Reset 2FA<span className="sr-only"> for {name}</span>
        </button>
      )}
      <RowMessage state={state} />
    </div>
  );
}

/** A link made without SMTP, shown once under the row. */
function RowLink({ state }: { state: ActionState<LinkResult> }) {
  return state?.ok && state.data?.link ? (
    <div className="mt-1 max-w-64">
      <OneTimeLink link={state.data.link} />
    </div>
  ) : null;
}

/** A pending invitation: send a new link (the old one stops working), or cancel it (the account goes). */
export function PersonInvitationForms({ userId, name }: { userId: string; name: string }) {
  const [resent, resend] = useActionState(resendInvitationAction, null);
  const [cancelled, cancel] = useActionState(cancelInvitationAction, null);
  return (
    <div className="mt-1 space-y-1">
      <div className="flex flex-wrap gap-2">
        <form action={resend}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="secondary" pendingLabel="Sending…" className={COMPACT}>
            Resend invitation<span className="sr-only"> to {name}</span>
          </SubmitButton>
        </form>
        <form action={cancel}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton variant="secondary" pendingLabel="Cancelling…" className={`${COMPACT} text-red-800 dark:text-red-300`}>
            Cancel invitation<span className="sr-only"> for {name}</span>
          </SubmitButton>
        </form>
      </div>
      <RowMessage state={resent} />
      <RowLink state={resent} />
      <RowMessage state={cancelled} />
    </div>
  );
}

/** Sends a colleague a one-time link to choose a new password (1 hour); nothing changes until they use it. */
export function PersonPasswordResetForm({ userId, name }: { userId: string; name: string }) {
  const [state, action] = useActionState(sendPasswordResetAction, null);
  return (
    <form action={action} className="mt-1">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel="Sending…" className={COMPACT}>
        Send password reset<span className="sr-only"> to {name}</span>
      </SubmitButton>
      <RowMessage state={state} />
      <RowLink state={state} />
    </form>
  );
}
