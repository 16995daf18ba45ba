"use client";
import { useActionState } from "react";
import { createBylineAction } from "@/lib/actions/bylines/create-byline";
import { updateBylineAction } from "@/lib/actions/bylines/update-byline";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { MediaPicker } from "./media-picker";
import { TaxonomyNameSlugFields } from "./taxonomy-name-slug-fields";

interface BylineFields {
  id: string;
  name: string;
  slug: string;
  bio: string;
  jobTitle: string;
  links: string;
  expertise: string;
  languages: string;
  contactEmail: string;
  photoMediaId: string | null;
  userId: string | null;
}

type PickerItem = Parameters<typeof MediaPicker>[0]["items"][number];

export interface AccountOption {
  id: string;
  label: string;
}

/** Creates a byline, or (given one) edits it; a byline may be linked to one staff account. */
export function TaxonomyBylineForm({ byline, accounts, photos = [] }: { byline?: BylineFields; accounts: AccountOption[]; photos?: PickerItem[] }) {
  const [state, action] = useActionState(byline ? updateBylineAction : createBylineAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {byline && <input type="hidden" name="id" value={byline.id} />}
      <TaxonomyNameSlugFields noun="author page" address="/authors/<slug>" current={byline} errors={errors} values={values} />
      <TextAreaField name="bio" label="Bio" rows={4} maxLength={2000} errors={errors?.bio} defaultValue={values?.bio ?? byline?.bio ?? ""} hint="Shown on the author page. Optional." />
      <TextField name="jobTitle" label="Job title" maxLength={120} errors={errors?.jobTitle} defaultValue={values?.jobTitle ?? byline?.jobTitle ?? ""} hint="Shown under the name, e.g. “Border correspondent”. Optional." />
      <TextAreaField
        name="links"
        label="Links"
        rows={3}
        errors={errors?.links}
        defaultValue={values?.links ?? byline?.links ?? ""}
        hint="One web address per line (http:// or https://): a website or social profiles. Shown on the author page. Optional."
      />
      <TextAreaField
        name="expertise"
        label="Expertise"
        rows={3}
        errors={errors?.expertise}
        defaultValue={values?.expertise ?? byline?.expertise ?? ""}
        hint="What this person covers or knows well, one subject per line (e.g. “Border security”). Shown on the author page. Optional."
      />
      <TextAreaField
        name="languages"
        label="Languages"
        rows={2}
        errors={errors?.languages}
        defaultValue={values?.languages ?? byline?.languages ?? ""}
        hint="Languages this person reports in, one per line (e.g. “English”, “Spanish”). Optional."
      />
      <TextField
        name="contactEmail"
        label="Public contact email"
        type="email"
        maxLength={254}
        autoCapitalize="none"
        spellCheck={false}
        errors={errors?.contactEmail}
        defaultValue={values?.contactEmail ?? byline?.contactEmail ?? ""}
        hint="An address readers may write to, shown on the author page. Not the sign-in email. Optional."
      />
      <MediaPicker
        name="photoMediaId"
        label="Photo (optional; the image needs alt text)"
        items={photos}
        defaultValue={values?.photoMediaId ?? byline?.photoMediaId ?? ""}
        errors={errors?.photoMediaId}
      />
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
