"use client";
import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";

/** Changing the password ends every session, this one too; on success the browser is signed out to sign in again. */
export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: `/admin/login?email=${encodeURIComponent(email)}` });
  }, [state, email]);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors?.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
      />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <SubmitButton pendingLabel="Changing…" disabled={!!state?.ok}>
        Change password
      </SubmitButton>
    </form>
  );
}
