import "server-only";
import { getDb } from "@/lib/db";
import { keepFor } from "@/lib/cache/keep";
import { TAGS } from "@/lib/cache/tags";
import { isProfileLink } from "@/lib/validation/taxonomy";
import { mediaUrl } from "./articles";

// The author page's profile beyond the name and bio: job title, photo, links, expertise, languages and contact. Public by nature (a byline is a
// reader-facing record); the author page itself only answers for bylines with a published story (getAuthorPage).

export interface AuthorProfile {
  jobTitle: string;
  /** http(s) links only, checked again on the way out. */
  links: string[];
  photo: { src: string; width: number; height: number; alt: string } | null;
  /** What the person covers, one entry a line in the newsroom. */
  expertise: string[];
  /** The languages they report in. */
  languages: string[];
  /** A reader-facing address, or empty. */
  contactEmail: string;
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Cached under the byline's tag, which every byline change expires (lib/dal/taxonomy.ts updateByline). */
export async function getAuthorProfile(slug: string): Promise<AuthorProfile | null> {
  "use cache";
  keepFor(TAGS.byline(slug));
  const row = await getDb().byline.findUnique({
    where: { slug },
    select: { jobTitle: true, links: true, expertise: true, languages: true, contactEmail: true, photoMedia: { select: { storageKey: true, width: true, height: true, alt: true } } },
  });
  if (!row) return null;
  const photo = row.photoMedia;
  return {
    jobTitle: row.jobTitle,
    links: row.links.split("\n").map((link) => link.trim()).filter(isProfileLink),
    // A photo whose alt text was removed since is not shown: the page never carries an undescribed image.
    photo: photo && photo.alt.trim() ? { src: mediaUrl(photo.storageKey), width: photo.width, height: photo.height, alt: photo.alt } : null,
    expertise: lines(row.expertise),
    languages: lines(row.languages),
    contactEmail: row.contactEmail.trim(),
  };
}
