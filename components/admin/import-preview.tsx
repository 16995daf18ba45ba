"use client";
import { startTransition, useActionState, useMemo, useState, type FormEvent } from "react";
import { importStoryAction } from "@/lib/actions/stories/import-story";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { FORMAT_LABELS, ORIGIN_LABELS } from "@/lib/content/import/labels";
import type { RecognisedStory } from "@/lib/content/import/types";

/** Subheadings and paragraphs of a Markdown body, counted as the person edits it. */
function outline(body: string): { headings: string[]; paragraphs: number } {
  const blocks = body.split(/\n[ \t]*\n/).map((block) => block.trim()).filter(Boolean);
  const headings = blocks.filter((block) => /^#{2,6}\s/.test(block)).map((block) => block.replace(/^#+\s+/, "").replace(/\\(.)/g, "$1"));
  return { headings, paragraphs: blocks.length - headings.length };
}

function Field({ id, label, errors, children }: { id: string; label: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {errors?.map((error) => (
        <p key={error} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
    </div>
  );
}

/** What an import recognised, editable, with "Create draft": nothing is stored until then. */
export function ImportPreview({ story, onStartOver }: { story: RecognisedStory; onStartOver: () => void }) {
  const [state, action, pending] = useActionState(importStoryAction, null);
  const failed = state && !state.ok ? state : null;
  const [headline, setHeadline] = useState(story.headline);
  const [standfirst, setStandfirst] = useState(story.standfirst);
  const [body, setBody] = useState(story.body);
  const live = useMemo(() => outline(body), [body]);
  // Submitted by hand rather than through the form's action, so a refusal does not reset what the person corrected.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  const source = `${FORMAT_LABELS[story.format]}${story.origin ? `, from ${ORIGIN_LABELS[story.origin]}` : ""}`;

  return (
    <section aria-labelledby="import-preview-title" className="space-y-4 rounded border border-neutral-300 p-4 dark:border-neutral-700">
      <h3 id="import-preview-title" className="text-lg font-bold">
        Preview of the import
      </h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="import-recognised">
        <dt className="font-semibold">Read as</dt>
        <dd data-testid="import-format">{source}</dd>
        <dt className="font-semibold">Byline</dt>
        <dd>{story.byline ? `${story.byline} (choose bylines in the editor)` : "none found"}</dd>
        <dt className="font-semibold">Subheadings</dt>
        <dd>
          {live.headings.length ? (
            <ol className="list-decimal pl-5" aria-label="Subheadings">
              {live.headings.map((heading, i) => (
                <li key={`${i}-${heading}`}>{heading}</li>
              ))}
            </ol>
          ) : (
            "none"
          )}
        </dd>
        <dt className="font-semibold">Paragraphs</dt>
        <dd data-testid="import-paragraphs">{live.paragraphs}</dd>
      </dl>
      {story.warnings.length > 0 && (
        <div className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">Check these:</p>
          <ul className="list-disc pl-5" aria-label="Import warnings">
            {story.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} className="space-y-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="format" value={story.format} />
        <input type="hidden" name="origin" value={story.origin ?? ""} />
        <Field id="import-headline" label="Imported headline" errors={failed?.fieldErrors?.headline}>
          <input id="import-headline" name="headline" className={inputClass} value={headline} onChange={(event) => setHeadline(event.target.value)} aria-invalid={failed?.fieldErrors?.headline ? true : undefined} />
        </Field>
        <Field id="import-standfirst" label="Imported standfirst" errors={failed?.fieldErrors?.standfirst}>
          <textarea id="import-standfirst" name="standfirst" rows={3} className={inputClass} value={standfirst} onChange={(event) => setStandfirst(event.target.value)} aria-invalid={failed?.fieldErrors?.standfirst ? true : undefined} />
        </Field>
        <Field id="import-body" label="Imported body (Markdown: ## for a subheading)" errors={failed?.fieldErrors?.body}>
          <textarea id="import-body" name="body" rows={14} className={`${inputClass} font-mono text-sm`} value={body} onChange={(event) => setBody(event.target.value)} aria-invalid={failed?.fieldErrors?.body ? true : undefined} />
        </Field>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClass("primary")} disabled={pending} aria-disabled={pending}>
            {pending ? "Creating…" : "Create draft"}
          </button>
          <button type="button" className={buttonClass("secondary")} onClick={onStartOver}>
            Start over
          </button>
        </div>
      </form>
    </section>
  );
}
