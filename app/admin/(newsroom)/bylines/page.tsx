import type { Metadata } from "next";
import { TaxonomyBylineForm } from "@/components/admin/taxonomy-byline-form";
import { storyCount, TaxonomyEditLink, TaxonomyPageHeader, TaxonomyPanel, TaxonomyReaderLink, TaxonomyTable } from "@/components/admin/taxonomy-table";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { listMedia } from "@/lib/dal/media";
import { listBylinesForAdmin, listLinkableUsers, type BylineAdminView } from "@/lib/dal/taxonomy";
import { deletedNotice } from "@/lib/validation/taxonomy";
import { accountOptions } from "@/components/admin/taxonomy-account-options";

export const metadata: Metadata = { title: "Bylines" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BylinesPage({ searchParams }: Props) {
  await requireNewsroomPage({ permission: "taxonomy.manage", returnTo: "/admin/bylines" });
  const [bylines, users, params, media] = await Promise.all([listBylinesForAdmin(), listLinkableUsers(), searchParams, listMedia({ pageSize: 60 })]);
  const deleted = deletedNotice(params.deleted);
  return (
    <div>
      <TaxonomyPageHeader
        title="Bylines"
        intro="Bylines are the names readers see on stories, each with an author page. A byline need not be a staff account (wire copy, guest writers, the desk). A byline on any story cannot be deleted: take it off those stories first."
        notice={deleted && `Byline “${deleted}” deleted.`}
      />
      <TaxonomyPanel title={`All bylines (${bylines.length})`} id="all-bylines">
        {bylines.length === 0 ? (
          <p>No bylines yet. Create the first one below.</p>
        ) : (
          <TaxonomyTable<BylineAdminView>
            caption="Bylines"
            rows={bylines}
            columns={[
              {
                header: "Byline",
                cell: (byline) => (
                  <>
                    <TaxonomyEditLink href={`/admin/bylines/${byline.id}`}>{byline.name}</TaxonomyEditLink>
                    {byline.bio && <span className="line-clamp-2 block max-w-md text-xs text-neutral-600 dark:text-neutral-400">{byline.bio}</span>}
                  </>
                ),
              },
              { header: "Author page", cell: (byline) => <TaxonomyReaderLink path={`/authors/${byline.slug}`} /> },
              {
                header: "Staff account",
                cell: (byline) => (byline.user ? `${byline.user.name} (${byline.user.email})` : <span className="text-neutral-600 dark:text-neutral-400">None</span>),
              },
              { header: "Stories", cell: (byline) => storyCount(byline.articleCount), className: "whitespace-nowrap" },
            ]}
          />
        )}
      </TaxonomyPanel>
      <TaxonomyPanel title="New byline" id="new-byline">
        <TaxonomyBylineForm accounts={accountOptions(users)} photos={media.items} />
      </TaxonomyPanel>
    </div>
  );
}
