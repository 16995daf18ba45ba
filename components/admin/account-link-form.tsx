"use client";
import { useActionState } from "react";
import Link from "@/components/admin/newsroom-link";
import { redeemAccountLinkAction } from "@/lib/actions/account/redeem-account-link";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";

/** Choosing a password from an invitation or reset link; afterwards, on to sign in with it. */
export function AccountLinkForm({ token, kind, email }: { token: string; kind: "invite" | "reset"; email: string }) {
  const [state, action] = useActionState(redeemAccountLinkAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href={`/admin/login?password=set&email=${encodeURIComponent(state.data?.email ?? email)}`} className="underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="kind" value={kind} />
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <TextField
        name="password"
        label={kind === "invite" ? "Choose a password" : "New password"}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; not a common password, nor your name or email.`}
      />
      <TextField name="confirm" label="Type it again" type="password" autoComplete="new-password" required errors={errors?.confirm} />
      <SubmitButton pendingLabel="Saving…" className="w-full">
        {kind === "invite" ? "Set my password" : "Change my password"}
      </SubmitButton>
    </form>
  );
}
