"use client";
import { useActionState } from "react";
import { createPersonAction } from "@/lib/actions/people/create-person";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { OneTimeLink } from "./one-time-link";
import { ROLE_OPTIONS } from "./people-roles";

/** Adds a staff account: by an emailed invitation (they choose their password), or with a password the admin passes on. */
export function PeopleCreateForm() {
  const [state, action] = useActionState(createPersonAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {state?.ok && state.data?.link && <OneTimeLink link={state.data.link} label="Invitation link" />}
      <TextField name="name" label="Name" autoComplete="off" required maxLength={120} errors={errors?.name} defaultValue={values?.name} />
      <TextField name="email" label="Email" type="email" autoComplete="off" required errors={errors?.email} defaultValue={values?.email} />
      <SelectField
        name="role"
        label="Role"
        options={ROLE_OPTIONS}
        errors={errors?.role}
        defaultValue={values?.role ?? "WRITER"}
        key={values?.role ?? "WRITER"}
        hint="Writers draft and submit their own stories; editors review, publish and fix any story; admins also manage people, sections and settings."
      />
      <TextField
        name="password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors?.password}
        hint={`Leave empty to email them an invitation: they choose their own password through a one-time link. Or set one (at least ${PASSWORD_MIN_LENGTH} characters) and give it to them privately.`}
      />
      <SubmitButton pendingLabel="Adding…">Add person</SubmitButton>
    </form>
  );
}
