"use client";
import { useActionState } from "react";
import { updateMediaAction } from "@/lib/actions/media/update";
import { SubmitButton } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ALT_MAX, ALT_REQUIRED_MESSAGE, CAPTION_MAX, CREDIT_MAX } from "@/lib/validation/media";

export interface MediaDetailsValues {
  id: string;
  alt: string;
  caption: string;
  credit: string;
}

/** Alt text, caption and credit of one image. */
export function MediaDetailsForm({ media }: { media: MediaDetailsValues }) {
  const [state, action] = useActionState(updateMediaAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const missingAlt = !media.alt && !errors?.alt;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={media.id} />
      {missingAlt && (
        <p id="alt-missing" className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {ALT_REQUIRED_MESSAGE}.
        </p>
      )}
      <TextAreaField
        name="alt"
        label="Alt text"
        rows={3}
        maxLength={ALT_MAX}
        defaultValue={values?.alt ?? media.alt}
        errors={errors?.alt}
        aria-describedby={missingAlt ? "alt-missing alt-hint" : undefined}
        hint={`What the image shows, for readers who cannot see it (up to ${ALT_MAX} characters). Leave out “image of”.`}
      />
      <TextAreaField name="caption" label="Caption" rows={3} maxLength={CAPTION_MAX} defaultValue={values?.caption ?? media.caption} errors={errors?.caption} />
      <TextField name="credit" label="Credit" maxLength={CREDIT_MAX} defaultValue={values?.credit ?? media.credit} errors={errors?.credit} hint="Photographer or agency, e.g. “Jane Doe/Reuters”." />
      <SubmitButton pendingLabel="Saving…">Save details</SubmitButton>
    </form>
  );
}
