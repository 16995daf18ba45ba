"use client";
import { useActionState } from "react";
import { createStoryAction } from "@/lib/actions/stories/create-story";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
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

// Import lives in its own components (paste box, preview); re-exported so the new-story page imports one module.
export { ImportStoryForm } from "./import-story-form";
