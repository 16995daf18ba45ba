"use client";
import { useActionState } from "react";
import { createSectionAction } from "@/lib/actions/sections/create-section";
import { updateSectionAction } from "@/lib/actions/sections/update-section";
import { SubmitButton } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SLUG_MAX_LENGTH } from "@/lib/validation/taxonomy";

interface SectionFields {
  id: string;
  name: string;
  slug: string;
  description: string;
}

/** Creates a section, or (given one) edits it. Field errors come from the same schema the action parses with. */
export function TaxonomySectionForm({ section }: { section?: SectionFields }) {
  const [state, action] = useActionState(section ? updateSectionAction : createSectionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {section && <input type="hidden" name="id" value={section.id} />}
      <TextField name="name" label="Name" required maxLength={60} errors={errors?.name} defaultValue={values?.name ?? section?.name ?? ""} />
      <TextField
        name="slug"
        label="Slug"
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        errors={errors?.slug}
        defaultValue={values?.slug ?? section?.slug ?? ""}
        hint={
          section
            ? "The section’s address is /sections/<slug>. Changing it changes the address: links to the old one stop working."
            : "Lower-case letters, digits and hyphens; the section’s address is /sections/<slug>. Leave blank to make one from the name."
        }
      />
      <TextAreaField name="description" label="Description" rows={3} maxLength={300} errors={errors?.description} defaultValue={values?.description ?? section?.description ?? ""} hint="Shown at the top of the section page and in search results. Optional." />
      <SubmitButton pendingLabel={section ? "Saving…" : "Creating…"}>{section ? "Save section" : "Create section"}</SubmitButton>
    </form>
  );
}
