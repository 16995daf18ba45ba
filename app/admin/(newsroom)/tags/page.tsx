import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/site/pagination";
import { TaxonomyTagForm } from "@/components/admin/taxonomy-tag-form";
import { TaxonomyTagSearch } from "@/components/admin/taxonomy-tag-search";
import { storyCount, TaxonomyEditLink, TaxonomyPageHeader, TaxonomyPanel, TaxonomyReaderLink, TaxonomyTable } from "@/components/admin/taxonomy-table";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { listTagsForAdmin, type TagAdminView } from "@/lib/dal/taxonomy";
import { parsePageParam } from "@/lib/validation/params";
import { deletedNotice, tagSearchQuery } from "@/lib/validation/taxonomy";

export const metadata: Metadata = { title: "Tags" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TagsPage({ searchParams }: Props) {
  await requireNewsroomPage({ permission: "taxonomy.manage", returnTo: "/admin/tags" });
  const params = await searchParams;
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const q = tagSearchQuery.parse(params.q);
  const result = await listTagsForAdmin({ q, page });
  if (page > result.pageCount) notFound();
  const deleted = deletedNotice(params.deleted);
  return (
    <div>
      <TaxonomyPageHeader
        title="Tags"
        intro="Tags group stories across sections. Writers can also add tags while editing a story. A tag that stories carry cannot be deleted (that would change published stories without a revision): rename it, or take it off the stories first."
        notice={deleted && `Tag “${deleted}” deleted.`}
      />
      <TaxonomyPanel title={q ? `Tags matching “${q}” (${result.total})` : `All tags (${result.total})`} id="all-tags">
        <TaxonomyTagSearch q={q} />
        {result.tags.length === 0 ? (
          <p>
            {q ? "No tag matches that search. " : "No tags yet."}
            {q && (
              <Link href="/admin/tags" className="underline underline-offset-4">
                Show all tags
              </Link>
            )}
          </p>
        ) : (
          <TaxonomyTable<TagAdminView>
            caption="Tags"
            rows={result.tags}
            columns={[
              { header: "Tag", cell: (tag) => <TaxonomyEditLink href={`/admin/tags/${tag.id}`}>{tag.name}</TaxonomyEditLink> },
              { header: "Address", cell: (tag) => <TaxonomyReaderLink path={`/tags/${tag.slug}`} /> },
              { header: "Stories", cell: (tag) => storyCount(tag.articleCount), className: "whitespace-nowrap" },
            ]}
          />
        )}
        <Pagination
          basePath="/admin/tags"
          params={q ? { q } : {}}
          page={result.page}
          pageCount={result.pageCount}
          labels={{ nav: "Tag list pages", previous: "← Previous page", next: "Next page →" }}
        />
      </TaxonomyPanel>
      <TaxonomyPanel title="New tag" id="new-tag">
        <TaxonomyTagForm />
      </TaxonomyPanel>
    </div>
  );
}
