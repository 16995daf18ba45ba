import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryEditor, type PendingRestore } from "@/components/admin/story-editor";
import { toEditorFields } from "@/components/admin/story-editor/fields";
import { LiveDeskPanel } from "@/components/admin/live/live-desk-panel";
import { StoryNotes } from "@/components/admin/story-notes";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getLiveDesk } from "@/lib/dal/live-entries";
import { getRevisionForEditor } from "@/lib/dal/revisions";
import { getSiteSettings } from "@/lib/dal/settings";
import { getEditorChoices, getStoryForEdit } from "@/lib/dal/stories";

export const metadata: Metadata = { title: "Edit story" };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireNewsroomPage({ returnTo: `/admin/stories/${id}` });
  if (!ID.test(id)) notFound();
  const [story, choices, query, settings, desk] = await Promise.all([getStoryForEdit(id), getEditorChoices(), searchParams, getSiteSettings(), getLiveDesk(id)]);
  if (!story) notFound();
  // "Restore" on a live story loads the old version here; it goes live only through "Update live story".
  const restoreId = typeof query.restore === "string" && ID.test(query.restore) ? query.restore : null;
  const live = story.status === "PUBLISHED";
  const revision = restoreId && live && story.canEdit && story.can.restore ? await getRevisionForEditor(id, restoreId) : null;
  const restore: PendingRestore | null = revision && { revisionId: revision.revisionId, version: revision.version, createdAt: revision.createdAt.toISOString(), slug: revision.fields.slug };
  // The address stays the current one unless the editor chooses the old one.
  const initial = toEditorFields(revision ? { ...revision.fields, slug: story.fields.slug } : story.fields);
  const f = story.fields;
  const banner = query.imported ? "Imported as a draft. Check the fields, then save." : query.restored === "live" ? "The restored version is live." : query.restored ? "Revision restored as a new version." : null;
  return (
    <div className="space-y-4">
      <h1 className="sr-only">Edit story: {f.headline || "Untitled"}</h1>
      {banner && (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          {banner}
        </p>
      )}
      {restoreId && !restore && (
        <p role="alert" className="rounded border border-red-700 px-3 py-2 text-sm">
          That version cannot be loaded here{live ? "" : ": this story is not live, so restore it from its history"}.
        </p>
      )}
      {/* One editor per story and loaded version: never keyed on the stored version. Any action that expires a
          cache (an upload, an image's library details, a live save) refreshes this page; keyed on the version, the
          editor was rebuilt from the stored story after every autosave, dropping whatever was typed since. */}
      <StoryEditor
        key={`${story.id}:${restore?.revisionId ?? ""}`}
        id={story.id}
        initial={initial}
        version={story.version}
        status={story.status}
        scheduledAt={story.scheduledAt?.toISOString() ?? null}
        role={user.role}
        own={story.own}
        can={story.can}
        lastSaved={{ by: story.lastEditedBy, at: story.updatedAt.toISOString() }}
        scheduledUpdates={story.scheduledUpdates.map((u) => ({ id: u.id, runAt: u.runAt.toISOString(), appliedAt: u.appliedAt?.toISOString() ?? null, failure: u.failure }))}
        timeZone={settings.timeZone}
        choices={choices}
        restore={restore}
      />
      {desk && <LiveDeskPanel desk={desk} choices={choices} timeZone={settings.timeZone} />}
      <StoryNotes id={story.id} status={story.status} canAdd={story.can.addCorrection} notes={story.corrections} />
    </div>
  );
}
