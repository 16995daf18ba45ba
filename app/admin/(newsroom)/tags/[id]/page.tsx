import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { TaxonomyDeleteForm } from "@/components/admin/taxonomy-delete-form";
import { TaxonomyTagForm } from "@/components/admin/taxonomy-tag-form";
import { storyCount, TaxonomyPanel, TaxonomyReaderLink } from "@/components/admin/taxonomy-table";
import { deleteTagAction } from "@/lib/actions/tags/delete-tag";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getTagForEdit } from "@/lib/dal/taxonomy";
import { recordId } from "@/lib/validation/taxonomy";

export const metadata: Metadata = { title: "Edit tag" };

export default async function EditTagPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireNewsroomPage({ permission: "taxonomy.manage", returnTo: `/admin/tags/${encodeURIComponent(id)}` });
  const parsed = recordId.safeParse(id);
  const tag = parsed.success ? await getTagForEdit(parsed.data) : null;
  if (!tag) notFound();
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/tags" className="underline underline-offset-4">
          ← All tags
        </Link>
      </p>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">{tag.name}</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          On {storyCount(tag.articleCount)} · <TaxonomyReaderLink path={`/tags/${tag.slug}`} />
        </p>
      </header>
      <TaxonomyPanel title="Rename tag" id="edit-tag">
        <TaxonomyTagForm tag={tag} />
      </TaxonomyPanel>
      <TaxonomyPanel title="Delete tag" id="delete-tag" tone="danger">
        <p className="mb-3 text-sm">
          {tag.articleCount > 0
            ? `${storyCount(tag.articleCount)} ${tag.articleCount === 1 ? "carries" : "carry"} this tag. It can be deleted once it is taken off ${tag.articleCount === 1 ? "that story" : "them"}.`
            : "No story carries this tag, so it can be deleted."}
        </p>
        <TaxonomyDeleteForm id={tag.id} name={tag.name} noun="tag" action={deleteTagAction} />
      </TaxonomyPanel>
    </div>
  );
}
