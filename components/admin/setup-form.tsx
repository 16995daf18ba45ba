"use client";
import { useActionState } from "react";
import { createOwnerAction } from "@/lib/actions/auth/create-owner";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";

export function SetupForm() {
  const [state, action] = useActionState(createOwnerAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label="Your name" autoComplete="name" required errors={errors?.name} defaultValue={values?.name} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required errors={errors?.email} defaultValue={values?.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
      />
      <SubmitButton pendingLabel="Creating…" className="w-full">
        Create owner account
      </SubmitButton>
    </form>
  );
}
