"use client";
import { useActionState } from "react";
import { startTotpEnrolmentAction } from "@/lib/actions/account/start-totp-enrolment";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Starts enrolling an authenticator app; the page then shows the new key. Again, it replaces an unconfirmed key. */
export function TwoFactorStartButton({ restart = false }: { restart?: boolean }) {
  const [state, action] = useActionState(startTotpEnrolmentAction, null);
  return (
    <form action={action} className="space-y-3">
      {state && !state.ok && <FormMessage state={state} />}
      <SubmitButton variant={restart ? "secondary" : "primary"} pendingLabel="Preparing…">
        {restart ? "Start again with a new key" : "Set up two-factor sign-in"}
      </SubmitButton>
    </form>
  );
}
