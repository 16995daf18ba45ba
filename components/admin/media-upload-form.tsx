"use client";
import Link from "@/components/admin/newsroom-link";
import { useActionState, useState, type ChangeEvent, type FormEvent } from "react";
import { uploadMediaAction, type UploadResult } from "@/lib/actions/media/upload";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ACCEPTED_LABEL, ACCEPTED_MIME_TYPES, ALT_MAX, MAX_UPLOAD_BYTES, uploadSizeProblem } from "@/lib/validation/media";

/** Uploads one image. A file over the limit is refused here before it is sent; the server checks everything again. */
export function MediaUploadForm() {
  const [state, action] = useActionState<UploadResult, FormData>(uploadMediaAction, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const fileErrors = localError ? [localError] : errors?.file;

  function checkFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setLocalError(file ? uploadSizeProblem(file.size) : null);
  }

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const problem = input?.files?.length ? uploadSizeProblem(input.files[0].size) : "Choose an image to upload.";
    setLocalError(problem);
    if (problem) {
      event.preventDefault();
      input?.focus();
    }
  }

  return (
    <form action={action} onSubmit={checkBeforeSending} className="space-y-4 rounded-lg border border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900" noValidate>
      <h2 className="text-lg font-bold">Upload an image</h2>
      {!localError && <FormMessage state={state} />}
      {state?.ok && state.data && (
        <p className="text-sm">
          <Link href={`/admin/media/${state.data.id}`} className="font-semibold underline underline-offset-4">
            Add alt text, caption and credit
          </Link>
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          name="file"
          label="Image file"
          type="file"
          accept={ACCEPTED_MIME_TYPES.join(",")}
          required
          onChange={checkFile}
          errors={fileErrors}
          hint={`${ACCEPTED_LABEL}, up to ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB. Metadata such as location is removed.`}
        />
        <TextField
          name="alt"
          label="Alt text (optional now)"
          maxLength={ALT_MAX}
          errors={errors?.alt}
          defaultValue={values?.alt}
          hint="What the image shows, for readers who cannot see it. Needed before it can head a published story."
        />
      </div>
      <SubmitButton pendingLabel="Uploading…">Upload image</SubmitButton>
    </form>
  );
}
