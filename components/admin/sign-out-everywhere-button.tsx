"use client";
import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { signOutEverywhereAction } from "@/lib/actions/account/sign-out-everywhere";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Ends every session of this account (a lost laptop, a shared computer), then signs this browser out too. */
export function SignOutEverywhereButton() {
  const [state, action] = useActionState(signOutEverywhereAction, null);
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/admin/login" });
  }, [state]);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Signing out…" disabled={!!state?.ok}>
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
