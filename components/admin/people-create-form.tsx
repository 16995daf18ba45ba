"use client";
import { useActionState } from "react";
import { createPersonAction } from "@/lib/actions/people/create-person";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { ROLE_OPTIONS } from "./people-roles";

/** Adds a staff account with an initial password the admin passes on privately. */
export function PeopleCreateForm() {
  const [state, action] = useActionState(createPersonAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
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
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them privately; they can change it on their security page.`}
      />
      <SubmitButton pendingLabel="Adding…">Add person</SubmitButton>
    </form>
  );
}
