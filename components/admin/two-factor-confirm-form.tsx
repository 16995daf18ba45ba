"use client";
import Link from "@/components/admin/newsroom-link";
import { useActionState, useEffect, useRef } from "react";
import { confirmTotpEnrolmentAction } from "@/lib/actions/account/confirm-totp-enrolment";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-styles";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TwoFactorRecoveryCodes } from "./two-factor-recovery-codes";

/** The last step of enrolment: a code from the app turns two-factor sign-in on; the recovery codes follow, once. */
export function TwoFactorConfirmForm({ doneHref }: { doneHref: string }) {
  const [state, action] = useActionState(confirmTotpEnrolmentAction, null);
  const done = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: take keyboard and screen-reader users to the codes.
  useEffect(() => {
    if (state?.ok) done.current?.focus();
  }, [state]);
  if (state?.ok && state.data) {
    return (
      <div ref={done} tabIndex={-1} className="space-y-4 outline-none">
        <FormMessage state={state} />
        <TwoFactorRecoveryCodes codes={state.data.recoveryCodes} />
        <Link href={doneHref} className={buttonClass("primary")}>
          I have stored my recovery codes
        </Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="code"
        label="Code from your app"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        errors={errors?.code}
        hint="Six digits. Your app shows a new one every 30 seconds."
      />
      <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}
