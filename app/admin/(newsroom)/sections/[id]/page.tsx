import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { TaxonomyDeleteForm } from "@/components/admin/taxonomy-delete-form";
import { TaxonomySectionForm } from "@/components/admin/taxonomy-section-form";
import { storyCount, TaxonomyPanel, TaxonomyReaderLink } from "@/components/admin/taxonomy-table";
import { deleteSectionAction } from "@/lib/actions/sections/delete-section";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getSectionForEdit } from "@/lib/dal/taxonomy";
import { recordId } from "@/lib/validation/taxonomy";

export const metadata: Metadata = { title: "Edit section" };

export default async function EditSectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireNewsroomPage({ permission: "taxonomy.manage", returnTo: `/admin/sections/${encodeURIComponent(id)}` });
  const parsed = recordId.safeParse(id);
  const section = parsed.success ? await getSectionForEdit(parsed.data) : null;
  if (!section) notFound();
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/sections" className="underline underline-offset-4">
          ← All sections
        </Link>
      </p>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">{section.name}</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          {storyCount(section.articleCount)} filed here · <TaxonomyReaderLink path={`/sections/${section.slug}`} />
        </p>
      </header>
      <TaxonomyPanel title="Edit section" id="edit-section">
        <TaxonomySectionForm section={section} />
      </TaxonomyPanel>
      <TaxonomyPanel title="Delete section" id="delete-section" tone="danger">
        <p className="mb-3 text-sm">
          {section.articleCount > 0
            ? `${storyCount(section.articleCount)} ${section.articleCount === 1 ? "is" : "are"} filed in this section. It can be deleted once ${section.articleCount === 1 ? "that story is" : "they are"} moved to another section.`
            : "No story is filed in this section, so it can be deleted. Its page and feeds stop answering."}
        </p>
        <TaxonomyDeleteForm id={section.id} name={section.name} noun="section" action={deleteSectionAction} />
      </TaxonomyPanel>
    </div>
  );
}
