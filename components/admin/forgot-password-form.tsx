"use client";
import { useActionState } from "react";
import { forgotPasswordAction } from "@/lib/actions/account/forgot-password";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** Asks for the email; the answer is the same whether or not an account has it. */
export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required errors={errors?.email} defaultValue={values?.email} />
      <SubmitButton pendingLabel="Sending…" className="w-full">
        Email me a link
      </SubmitButton>
    </form>
  );
}
