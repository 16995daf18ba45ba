"use client";
import { useActionState } from "react";
import { createSectionAction } from "@/lib/actions/sections/create-section";
import { updateSectionAction } from "@/lib/actions/sections/update-section";
import { SubmitButton } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { TaxonomyNameSlugFields } from "./taxonomy-name-slug-fields";

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
      <TaxonomyNameSlugFields noun="section" address="/sections/<slug>" current={section} errors={errors} values={values} />
      <TextAreaField name="description" label="Description" rows={3} maxLength={300} errors={errors?.description} defaultValue={values?.description ?? section?.description ?? ""} hint="Shown at the top of the section page and in search results. Optional." />
      <SubmitButton pendingLabel={section ? "Saving…" : "Creating…"}>{section ? "Save section" : "Create section"}</SubmitButton>
    </form>
  );
}
