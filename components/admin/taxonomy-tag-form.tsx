"use client";
import { useActionState } from "react";
import { createTagAction } from "@/lib/actions/tags/create-tag";
import { updateTagAction } from "@/lib/actions/tags/update-tag";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TaxonomyNameSlugFields } from "./taxonomy-name-slug-fields";

/** Creates a tag, or (given one) renames it. */
export function TaxonomyTagForm({ tag }: { tag?: { id: string; name: string; slug: string } }) {
  const [state, action] = useActionState(tag ? updateTagAction : createTagAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {tag && <input type="hidden" name="id" value={tag.id} />}
      <TaxonomyNameSlugFields noun="tag" address="/tags/<slug>" current={tag} errors={errors} values={values} />
      <SubmitButton pendingLabel={tag ? "Saving…" : "Creating…"}>{tag ? "Save tag" : "Create tag"}</SubmitButton>
    </form>
  );
}
