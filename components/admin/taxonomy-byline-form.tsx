"use client";
import { useActionState } from "react";
import { createBylineAction } from "@/lib/actions/bylines/create-byline";
import { updateBylineAction } from "@/lib/actions/bylines/update-byline";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TaxonomyNameSlugFields } from "./taxonomy-name-slug-fields";

interface BylineFields {
  id: string;
  name: string;
  slug: string;
  bio: string;
  userId: string | null;
}

export interface AccountOption {
  id: string;
  label: string;
}

/** Creates a byline, or (given one) edits it; a byline may be linked to one staff account. */
export function TaxonomyBylineForm({ byline, accounts }: { byline?: BylineFields; accounts: AccountOption[] }) {
  const [state, action] = useActionState(byline ? updateBylineAction : createBylineAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {byline && <input type="hidden" name="id" value={byline.id} />}
      <TaxonomyNameSlugFields noun="author page" address="/authors/<slug>" current={byline} errors={errors} values={values} />
      <TextAreaField name="bio" label="Bio" rows={4} maxLength={2000} errors={errors?.bio} defaultValue={values?.bio ?? byline?.bio ?? ""} hint="Shown on the author page. Optional." />
      <SelectField
        name="userId"
        label="Linked staff account"
        errors={errors?.userId}
        defaultValue={values?.userId ?? byline?.userId ?? ""}
        options={[{ value: "", label: "None (a guest, wire or desk byline)" }, ...accounts.map((account) => ({ value: account.id, label: account.label }))]}
        hint="Optional. Each account can have one byline."
      />
      <SubmitButton pendingLabel={byline ? "Saving…" : "Creating…"}>{byline ? "Save byline" : "Create byline"}</SubmitButton>
    </form>
  );
}
