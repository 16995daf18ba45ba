"use client";
import Link from "@/components/admin/newsroom-link";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { saveSitePageAction } from "@/lib/actions/pages/save-page";
import { setSitePageStatusAction } from "@/lib/actions/pages/set-page-status";
import type { ActionState } from "@/lib/actions/result";
import { SubmitButton } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SITE_PAGE_BODY_MAX } from "@/lib/validation/site-pages";

type Result = ActionState<{ version: number }>;

/**
 * A site page's editor: title and Markdown body (saved as a revision each time), and publish or unpublish. Both forms
 * name the version the page was loaded at; after each answer the page is refreshed for its status and history.
 */
export function SitePageEditor({
  page,
  canPublish,
}: {
  page: { slug: string; title: string; body: string; status: "DRAFT" | "PUBLISHED" | null; version: number };
  canPublish: boolean;
}) {
  const router = useRouter();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [version, setVersion] = useState(page.version);
  const after = (result: Result) => {
    if (result?.ok && result.data) {
      setVersion(result.data.version);
      router.refresh();
    }
    return result;
  };
  const [saved, save] = useActionState(async (previous: Result, formData: FormData) => after(await saveSitePageAction(previous, formData)), null);
  const [stepped, step] = useActionState(async (previous: Result, formData: FormData) => after(await setSitePageStatusAction(previous, formData)), null);
  const errors = saved && !saved.ok ? saved.fieldErrors : undefined;
  const dirty = title !== page.title || body !== page.body;
  const published = page.status === "PUBLISHED";
  return (
    <div className="space-y-6">
      <form action={save} className="max-w-3xl space-y-4" noValidate>
        <FormMessage state={saved} />
        <input type="hidden" name="slug" value={page.slug} />
        <input type="hidden" name="baseVersion" value={version} />
        <TextField name="title" label="Title" required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} errors={errors?.title} />
        <TextAreaField
          name="body"
          label="Text (Markdown)"
          rows={18}
          maxLength={SITE_PAGE_BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          errors={errors?.body}
          className="block w-full rounded border border-neutral-400 bg-white px-3 py-2 font-mono text-sm text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100"
          hint="Markdown, as in stories: ## for a subheading, **bold**, [a link](https://…), - for a list. Rendered through the same sanitiser readers get."
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel="Saving…">Save page</SubmitButton>
          {page.status && (
            <Link href={`/admin/pages/${page.slug}/preview`} className="text-sm underline underline-offset-4">
              Preview the saved version
            </Link>
          )}
          {dirty && <span className="text-sm text-neutral-600 dark:text-neutral-400">Unsaved changes</span>}
        </div>
      </form>
      {canPublish && page.status && (
        <form action={step} className="max-w-3xl space-y-3 rounded border border-neutral-300 p-4 dark:border-neutral-700">
          <FormMessage state={stepped} />
          <input type="hidden" name="slug" value={page.slug} />
          <input type="hidden" name="baseVersion" value={version} />
          <input type="hidden" name="status" value={published ? "DRAFT" : "PUBLISHED"} />
          <p className="text-sm">
            {published ? "Published: readers see this page, and the footer links it." : "A draft: readers do not see this page yet."}
            {dirty && " Save your changes first."}
          </p>
          <SubmitButton variant={published ? "secondary" : "primary"} pendingLabel={published ? "Unpublishing…" : "Publishing…"} disabled={dirty}>
            {published ? "Unpublish" : "Publish"}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
