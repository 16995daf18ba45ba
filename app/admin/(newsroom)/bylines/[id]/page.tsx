import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { accountOptions } from "@/components/admin/taxonomy-account-options";
import { TaxonomyBylineForm } from "@/components/admin/taxonomy-byline-form";
import { TaxonomyDeleteForm } from "@/components/admin/taxonomy-delete-form";
import { storyCount, TaxonomyPanel, TaxonomyReaderLink } from "@/components/admin/taxonomy-table";
import { deleteBylineAction } from "@/lib/actions/bylines/delete-byline";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { listMedia } from "@/lib/dal/media";
import { getBylineForEdit, listLinkableUsers } from "@/lib/dal/taxonomy";
import { recordId } from "@/lib/validation/taxonomy";

export const metadata: Metadata = { title: "Edit byline" };

export default async function EditBylinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireNewsroomPage({ permission: "taxonomy.manage", returnTo: `/admin/bylines/${encodeURIComponent(id)}` });
  const parsed = recordId.safeParse(id);
  const [byline, users, media] = parsed.success ? await Promise.all([getBylineForEdit(parsed.data), listLinkableUsers(), listMedia({ pageSize: 60 })]) : [null, [], null];
  if (!byline) notFound();
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/bylines" className="underline underline-offset-4">
          ← All bylines
        </Link>
      </p>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">{byline.name}</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          On {storyCount(byline.articleCount)} · <TaxonomyReaderLink path={`/authors/${byline.slug}`} />
        </p>
      </header>
      <TaxonomyPanel title="Edit byline" id="edit-byline">
        <TaxonomyBylineForm byline={{ ...byline, userId: byline.user?.id ?? null }} accounts={accountOptions(users, byline.id)} photos={media?.items ?? []} />
      </TaxonomyPanel>
      <TaxonomyPanel title="Delete byline" id="delete-byline" tone="danger">
        <p className="mb-3 text-sm">
          {byline.articleCount > 0
            ? `${storyCount(byline.articleCount)} ${byline.articleCount === 1 ? "carries" : "carry"} this byline. It can be deleted once it is taken off ${byline.articleCount === 1 ? "that story" : "them"}.`
            : "No story carries this byline, so it can be deleted. Its author page and feeds stop answering."}
        </p>
        <TaxonomyDeleteForm id={byline.id} name={byline.name} noun="byline" action={deleteBylineAction} />
      </TaxonomyPanel>
    </div>
  );
}
