import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryEditor, type EditorFields } from "@/components/admin/story-editor";
import { StoryNotes } from "@/components/admin/story-notes";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getEditorChoices, getStoryForEdit } from "@/lib/dal/stories";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireNewsroomPage({ returnTo: `/admin/stories/${id}` });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  const [story, choices, query] = await Promise.all([getStoryForEdit(id), getEditorChoices(), searchParams]);
  if (!story) notFound();
  const f = story.fields;
  const initial: EditorFields = {
    headline: f.headline,
    standfirst: f.standfirst,
    body: f.body,
    slug: f.slug,
    sectionId: f.sectionId ?? "",
    tags: f.tags,
    bylineIds: f.bylineIds,
    heroMediaId: f.heroMediaId ?? "",
    seoTitle: f.seoTitle ?? "",
    seoDescription: f.seoDescription ?? "",
    breaking: f.breaking,
    breakingUntil: f.breakingUntil ? f.breakingUntil.toISOString() : "",
    featured: f.featured,
  };
  const banner = query.imported ? "Imported as a draft. Check the fields, then save." : query.restored ? "Revision restored as a new version." : null;
  return (
    <div className="space-y-4">
      <h1 className="sr-only">Edit story: {f.headline || "Untitled"}</h1>
      {banner && (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          {banner}
        </p>
      )}
      <StoryEditor
        key={story.version}
        id={story.id}
        initial={initial}
        version={story.version}
        status={story.status}
        canEdit={story.canEdit}
        transitions={story.transitions}
        can={story.can}
        lastSaved={{ by: story.lastEditedBy, at: story.updatedAt.toISOString() }}
        scheduledUpdates={story.scheduledUpdates.map((u) => ({ id: u.id, runAt: u.runAt.toISOString(), appliedAt: u.appliedAt?.toISOString() ?? null, failure: u.failure }))}
        publicUrl={story.status === "PUBLISHED" ? `/articles/${f.slug}` : null}
        choices={choices}
      />
      <StoryNotes id={story.id} status={story.status} canAdd={story.can.addCorrection} notes={story.corrections} />
    </div>
  );
}
