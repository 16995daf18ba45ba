import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { formatBytes } from "@/components/admin/media-grid";
import { MediaDeleteForm } from "@/components/admin/media-delete-form";
import { MediaDetailsForm } from "@/components/admin/media-details-form";
import { STATUS_LABEL } from "@/components/admin/status-badge";
import { StoryTime } from "@/components/admin/story-time";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getMedia, hiddenUsesLabel } from "@/lib/dal/media";
import { getSiteSettings } from "@/lib/dal/settings";
import { ALT_REQUIRED_MESSAGE } from "@/lib/validation/media";

export const metadata: Metadata = { title: "Image details" };

type Props = { params: Promise<{ id: string }> };

export default async function MediaDetailPage({ params }: Props) {
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  await requireNewsroomPage({ returnTo: `/admin/media/${id}` });
  const [media, { timeZone }] = await Promise.all([getMedia(id), getSiteSettings()]);
  if (!media) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/media" className="underline underline-offset-4">
          ← Media library
        </Link>
      </p>
      <header>
        <h1 className="break-words text-2xl font-bold">{media.originalName}</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          {media.width}×{media.height} · {formatBytes(media.bytes)} · uploaded by {media.uploadedBy ?? "former staff"}, <StoryTime date={media.createdAt} timeZone={timeZone} />
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- the stored renditions are already sized; srcset picks one */}
          <img
            src={media.url}
            srcSet={media.srcSet}
            sizes="(min-width: 1024px) 60vw, 100vw"
            alt={media.alt}
            width={media.width}
            height={media.height}
            // Never shown larger than it is: srcset's w descriptors would otherwise scale it to the sizes width.
            style={{ maxWidth: `min(100%, ${media.width}px)` }}
            className="h-auto max-h-[70vh] w-auto rounded border border-neutral-300 bg-neutral-100 object-contain dark:border-neutral-700 dark:bg-neutral-800"
          />
          {media.renditions.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer font-semibold">Stored sizes ({media.renditions.length})</summary>
              <ul className="mt-2 space-y-1">
                {media.renditions.map((r) => (
                  <li key={r.url}>
                    <a href={r.url} className="underline underline-offset-4">
                      {r.label}
                    </a>{" "}
                    — {r.width}×{r.height}, {formatBytes(r.bytes)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>

        <div className="space-y-8">
          <section aria-labelledby="details-heading" className="space-y-3">
            <h2 id="details-heading" className="text-lg font-bold">
              Details
            </h2>
            {media.canEdit ? (
              <MediaDetailsForm media={{ id: media.id, alt: media.alt, caption: media.caption, credit: media.credit }} />
            ) : (
              <>
                <dl className="space-y-2 text-sm">
                  <div>
                    <dt className="font-semibold">Alt text</dt>
                    <dd>{media.alt || <span className="text-amber-800 dark:text-amber-300">{ALT_REQUIRED_MESSAGE}.</span>}</dd>
                  </div>
                  <div>
                    <dt className="font-semibold">Caption</dt>
                    <dd>{media.caption || "—"}</dd>
                  </div>
                  <div>
                    <dt className="font-semibold">Credit</dt>
                    <dd>{media.credit || "—"}</dd>
                  </div>
                </dl>
                <p className="text-sm text-neutral-700 dark:text-neutral-300">Only the person who uploaded this image, or an editor, can change or delete it.</p>
              </>
            )}
          </section>

          <section aria-labelledby="usage-heading" className="space-y-2">
            <h2 id="usage-heading" className="text-lg font-bold">
              Where it is used
            </h2>
            {media.usedIn.length === 0 && media.hiddenUses === 0 && !media.isSiteLogo ? (
              <p className="text-sm">Not used anywhere yet.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {media.isSiteLogo && <li>The site logo</li>}
                {media.usedIn.map((story) => (
                  <li key={story.id}>
                    <Link href={`/admin/stories/${story.id}`} className="underline underline-offset-4">
                      {story.headline}
                    </Link>{" "}
                    <span className="text-neutral-700 dark:text-neutral-300">({STATUS_LABEL[story.status]})</span>
                  </li>
                ))}
                {media.hiddenUses > 0 && <li>{hiddenUsesLabel(media.hiddenUses)}</li>}
              </ul>
            )}
          </section>

          {media.canEdit && (
            <section aria-labelledby="delete-heading" className="space-y-2">
              <h2 id="delete-heading" className="text-lg font-bold">
                Delete
              </h2>
              <MediaDeleteForm id={media.id} name={media.originalName} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
