"use client";
import { useActionState } from "react";
import { createStoryAction } from "@/lib/actions/stories/create-story";
import { importStoryAction } from "@/lib/actions/stories/import-story";
import { SubmitButton } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function NewStoryForm() {
  const [state, action] = useActionState(createStoryAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField name="headline" label="Headline" required errors={failed?.fieldErrors?.headline} defaultValue={failed?.values?.headline} />
      <SubmitButton pendingLabel="Creating…">Create draft</SubmitButton>
    </form>
  );
}

export function ImportStoryForm() {
  const [state, action] = useActionState(importStoryAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextAreaField
        name="raw"
        label="Raw story text"
        rows={12}
        required
        errors={failed?.fieldErrors?.raw}
        defaultValue={failed?.values?.raw}
        hint="Paste a story as it arrives (publication line, headline, date, standfirst, body). It becomes a draft with the same parser that loads the seed article."
      />
      <SubmitButton pendingLabel="Importing…">Import as draft</SubmitButton>
    </form>
  );
}
