"use client";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { createOwnerAction } from "@/lib/actions/auth/create-owner";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";

/**
 * First run: creates the owner, then signs them in with the password they just typed (next-auth's credentials
 * flow, as the sign-in page does) and opens the newsroom. Should that sign-in fail, the sign-in page takes over.
 * The form posts to the server action itself, so it also works before (or without) JavaScript.
 */
export function SetupForm() {
  const [state, action] = useActionState(createOwnerAction, null);
  // React clears the form once the action is done: the password is kept from the submit for the sign-in after it.
  const password = useRef("");
  const email = state?.ok ? state.data?.email : undefined;
  useEffect(() => {
    if (!email) return;
    void signIn("credentials", { redirect: false, email, password: password.current, code: "" }).then((signedIn) => {
      password.current = "";
      // A full navigation, so every server component reads the new session cookie.
      window.location.assign(signedIn?.ok && !signedIn.error ? "/admin" : `/admin/login?setup=done&email=${encodeURIComponent(email)}`);
    });
  }, [email]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} onSubmit={(event) => (password.current = String(new FormData(event.currentTarget).get("password") ?? ""))} className="space-y-4" noValidate>
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
