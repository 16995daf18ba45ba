import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { DiffTable } from "@/components/admin/diff-table";
import { RestoreRevisionButton } from "@/components/admin/restore-revision-button";
import { StoryCommentsPanel } from "@/components/admin/story-comments-panel";
import { StoryTime } from "@/components/admin/story-time";
import { buttonClass } from "@/components/ui/button-styles";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { formatNewsroomTime } from "@/lib/content/dates";
import { compareRevisions, listRevisions } from "@/lib/dal/revisions";
import { getSiteSettings } from "@/lib/dal/settings";
import { noteEventsFor } from "@/lib/dal/story-comments";
import { getStoryForEdit } from "@/lib/dal/stories";

export const metadata: Metadata = { title: "Story history" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null);

export default async function StoryHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireNewsroomPage({ returnTo: `/admin/stories/${id}/history` });
  if (!one(id)) notFound();
  const [history, story, query, { timeZone }] = await Promise.all([listRevisions(id), getStoryForEdit(id), searchParams, getSiteSettings()]);
  if (!history || !story) notFound();
  const noteEvents = await noteEventsFor(id);
  const { revisions } = history;
  const live = story.status === "PUBLISHED";
  const right = one(query.b) ?? revisions[0]?.id;
  const left = one(query.a) ?? revisions[1]?.id;
  const comparison = left && right ? await compareRevisions(id, left, right) : null;
  const when = (date: Date) => formatNewsroomTime(date, timeZone);
  // Revisions and notes in one timeline, newest first.
  const timeline = [
    ...revisions.map((r) => ({ key: `r-${r.id}`, at: r.createdAt, revision: r, note: null })),
    ...noteEvents.map((n, i) => ({ key: `n-${i}`, at: n.at, revision: null, note: n })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">History: {history.headline || "Untitled"}</h1>
        <Link href={`/admin/stories/${id}`} className="underline">
          Back to the editor
        </Link>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
        {(["a", "b"] as const).map((side) => (
          <label key={side} className="text-sm font-semibold">
            {side === "a" ? "Compare" : "with"}
            <select name={side} defaultValue={side === "a" ? left : right} className="mt-1 block rounded border border-neutral-400 bg-white px-2 py-2 font-normal dark:bg-neutral-900">
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  v{r.version} · {when(r.createdAt)} · {r.reason}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className={buttonClass("secondary")}>
          Compare
        </button>
      </form>
      {comparison && (
        <section aria-labelledby="diff-heading" className="space-y-3">
          <h2 id="diff-heading" className="text-lg font-bold">
            Version {comparison.left.version} → version {comparison.right.version}
          </h2>
          {comparison.fields.length > 0 ? (
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {comparison.fields.map((f) => (
                  <tr key={f.field} className="border-t border-neutral-200 dark:border-neutral-800">
                    <th scope="row" className="py-1 pr-2 font-semibold">
                      {f.field}
                    </th>
                    <td className="py-1 pr-2">{f.before}</td>
                    <td className="py-1">{f.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm">No field other than the body changed.</p>
          )}
          <DiffTable rows={comparison.body} leftLabel={`Version ${comparison.left.version}`} rightLabel={`Version ${comparison.right.version}`} />
        </section>
      )}
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading" className="mb-2 text-lg font-bold">
          All revisions and notes
        </h2>
        {live && story.can.restore && story.canEdit && (
          <p className="mb-2 text-sm text-neutral-700 dark:text-neutral-300">
            This story is live. Restoring loads a version into the editor; readers see it only after you check it and choose “Update live story”.
          </p>
        )}
        <ol className="divide-y divide-neutral-200 rounded border border-neutral-300 dark:divide-neutral-800 dark:border-neutral-700">
          {timeline.map(({ key, revision: r, note }) =>
            note ? (
              <li key={key} className="bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950/40">
                <span>
                  <strong>{note.kind === "resolved" ? `Resolved by ${note.who}` : note.kind === "reply" ? `Reply by ${note.who}` : `Note by ${note.who}`}</strong>: {note.body} · <StoryTime date={note.at} timeZone={timeZone} />
                </span>
              </li>
            ) : r ? (
              <li key={key} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <strong>v{r.version}</strong> · {r.reason} · {r.author ?? "automatic (seed or scheduler)"} · <StoryTime date={r.createdAt} timeZone={timeZone} />
                </span>
                {story.can.restore && story.canEdit && r.version !== story.version && (live ? (
                  <Link href={`/admin/stories/${id}?restore=${r.id}`} aria-label={`Restore version ${r.version} in the editor`} className={buttonClass("secondary")}>
                    Restore in editor
                  </Link>
                ) : (
                  <RestoreRevisionButton id={id} revisionId={r.id} baseVersion={story.version} version={r.version} />
                ))}
              </li>
            ) : null,
          )}
        </ol>
      </section>
      <StoryCommentsPanel articleId={id} paragraphs={paragraphsOf(story.fields.body)} />
    </div>
  );
}

/** The story's paragraphs as a note can anchor to them (blank-line separated, as the body is stored). */
function paragraphsOf(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
