"use client";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { previewImportAction } from "@/lib/actions/stories/preview-import";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import { ImportPasteBox } from "./import-paste-box";
import { ImportPreview } from "./import-preview";

/** Import in two steps: paste (or type) a story and see what was recognised; correct it and create the draft. */
export function ImportStoryForm() {
  const [state, action, pending] = useActionState(previewImportAction, null);
  // "Start over" closes the preview it was pressed on; the pasted text stays in the box.
  const [closed, setClosed] = useState<unknown>(null);
  const preview = state?.ok && state.data && closed !== state ? state.data : null;
  const failed = state && !state.ok ? state : null;

  // Submitted by hand rather than through the form's action, so the box keeps its text after a preview or a refusal.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3" noValidate hidden={!!preview} aria-label="Import a story">
        <FormMessage state={failed} />
        <ImportPasteBox errors={failed?.fieldErrors?.text ?? failed?.fieldErrors?.html} />
        <button type="submit" className={buttonClass("primary")} disabled={pending} aria-disabled={pending}>
          {pending ? "Reading…" : "Preview import"}
        </button>
      </form>
      {preview && <ImportPreview story={preview} onStartOver={() => setClosed(state)} />}
    </div>
  );
}
