import Image from "next/image";
import { getAuthorProfile } from "@/lib/dal/author-profile";
import { profilePageJsonLd } from "@/lib/seo/profile-json-ld";
import { JsonLd } from "./json-ld";

/** A link's label: its host and path, without the scheme ("example.com/ana"). */
function linkLabel(link: string): string {
  const url = new URL(link);
  return `${url.hostname.replace(/^www\./, "")}${url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "")}`;
}

/**
 * The author page's header beyond the name: photo, job title, bio, what they cover, the languages they report in,
 * how to reach them and their profiles elsewhere, and the ProfilePage with its Person for search engines.
 */
export async function AuthorProfileHeader({ author }: { author: { slug: string; name: string; bio: string } }) {
  const profile = await getAuthorProfile(author.slug);
  const jobTitle = profile?.jobTitle ?? "";
  const links = profile?.links ?? [];
  const photo = profile?.photo ?? null;
  const expertise = profile?.expertise ?? [];
  const languages = profile?.languages ?? [];
  const contactEmail = profile?.contactEmail ?? "";
  return (
    <div className="flex flex-wrap items-start gap-4">
      <JsonLd data={profilePageJsonLd({ ...author, jobTitle, links, photo, expertise, languages, contactEmail })} />
      {photo && (
        <Image src={photo.src} alt={photo.alt} width={photo.width} height={photo.height} sizes="96px" className="size-24 shrink-0 rounded-full object-cover" />
      )}
      <div className="min-w-0 flex-1 space-y-2">
        {jobTitle && <p className="font-semibold text-neutral-900 dark:text-neutral-100">{jobTitle}</p>}
        {author.bio && <p>{author.bio}</p>}
        {(expertise.length > 0 || languages.length > 0 || contactEmail) && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {expertise.length > 0 && (
              <>
                <dt className="font-semibold text-neutral-900 dark:text-neutral-100">Covers</dt>
                <dd>{expertise.join(", ")}</dd>
              </>
            )}
            {languages.length > 0 && (
              <>
                <dt className="font-semibold text-neutral-900 dark:text-neutral-100">Languages</dt>
                <dd>{languages.join(", ")}</dd>
              </>
            )}
            {contactEmail && (
              <>
                <dt className="font-semibold text-neutral-900 dark:text-neutral-100">Contact</dt>
                <dd>
                  <a href={`mailto:${contactEmail}`} className="underline underline-offset-4 [overflow-wrap:anywhere]">
                    {contactEmail}
                  </a>
                </dd>
              </>
            )}
          </dl>
        )}
        {links.length > 0 && (
          <ul aria-label={`${author.name} elsewhere`} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((link) => (
              <li key={link}>
                <a href={link} rel="me noopener" className="underline underline-offset-4 [overflow-wrap:anywhere]">
                  {linkLabel(link)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
