import type { Metadata } from "next";
import { TaxonomyMoveButtons } from "@/components/admin/taxonomy-move-buttons";
import { TaxonomySectionForm } from "@/components/admin/taxonomy-section-form";
import { storyCount, TaxonomyEditLink, TaxonomyPageHeader, TaxonomyPanel, TaxonomyReaderLink, TaxonomyTable } from "@/components/admin/taxonomy-table";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { listSectionsForAdmin, type SectionAdminView } from "@/lib/dal/taxonomy";
import { deletedNotice } from "@/lib/validation/taxonomy";

export const metadata: Metadata = { title: "Sections" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SectionsPage({ searchParams }: Props) {
  await requireNewsroomPage({ permission: "taxonomy.manage", returnTo: "/admin/sections" });
  const [sections, params] = await Promise.all([listSectionsForAdmin(), searchParams]);
  const deleted = deletedNotice(params.deleted);
  return (
    <div>
      <TaxonomyPageHeader
        title="Sections"
        intro="Sections file stories and make up the reader site’s navigation, in the order below. A section that still holds stories cannot be deleted: move its stories first."
        notice={deleted && `Section “${deleted}” deleted.`}
      />
      <TaxonomyPanel title={`All sections (${sections.length})`} id="all-sections">
        {sections.length === 0 ? (
          <p>No sections yet. Create the first one below.</p>
        ) : (
          <TaxonomyTable<SectionAdminView>
            caption="Sections, in navigation order"
            rows={sections}
            columns={[
              { header: "#", cell: (_, index) => index + 1, className: "w-8 tabular-nums" },
              {
                header: "Section",
                cell: (section) => (
                  <>
                    <TaxonomyEditLink href={`/admin/sections/${section.id}`}>{section.name}</TaxonomyEditLink>
                    {section.description && <span className="block text-xs text-neutral-600 dark:text-neutral-400">{section.description}</span>}
                  </>
                ),
              },
              { header: "Address", cell: (section) => <TaxonomyReaderLink path={`/sections/${section.slug}`} /> },
              { header: "Stories", cell: (section) => storyCount(section.articleCount), className: "whitespace-nowrap" },
              {
                header: "Order",
                cell: (section, index) => <TaxonomyMoveButtons id={section.id} name={section.name} first={index === 0} last={index === sections.length - 1} />,
              },
            ]}
          />
        )}
      </TaxonomyPanel>
      <TaxonomyPanel title="New section" id="new-section">
        <TaxonomySectionForm />
      </TaxonomyPanel>
    </div>
  );
}
