"use client";
import { useActionState } from "react";
import { createTagAction } from "@/lib/actions/tags/create-tag";
import { updateTagAction } from "@/lib/actions/tags/update-tag";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SLUG_MAX_LENGTH } from "@/lib/validation/taxonomy";

/** Creates a tag, or (given one) renames it. */
export function TaxonomyTagForm({ tag }: { tag?: { id: string; name: string; slug: string } }) {
  const [state, action] = useActionState(tag ? updateTagAction : createTagAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {tag && <input type="hidden" name="id" value={tag.id} />}
      <TextField name="name" label="Name" required maxLength={60} errors={errors?.name} defaultValue={values?.name ?? tag?.name ?? ""} />
      <TextField
        name="slug"
        label="Slug"
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        errors={errors?.slug}
        defaultValue={values?.slug ?? tag?.slug ?? ""}
        hint={
          tag
            ? "The tag’s address is /tags/<slug>. Changing it changes the address: links to the old one stop working."
            : "Lower-case letters, digits and hyphens. Leave blank to make one from the name."
        }
      />
      <SubmitButton pendingLabel={tag ? "Saving…" : "Creating…"}>{tag ? "Save tag" : "Create tag"}</SubmitButton>
    </form>
  );
}
