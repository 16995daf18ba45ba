// An author page's structured data: a ProfilePage whose mainEntity is the Person behind the byline (schema.org
// ProfilePage; Google's profile page documentation asks for mainEntity with a name and recommends its identifiers,
// image and links elsewhere). Pure, from the byline's public profile.
import { env } from "@/lib/env";
import type { ImageObjectLd, SeoOptions } from "./json-ld";
import { absoluteUrl, authorPath } from "./urls";

export interface ProfilePersonLd {
  "@type": "Person";
  "@id": string;
  name: string;
  url: string;
  description?: string;
  jobTitle?: string;
  image?: ImageObjectLd;
  /** The subjects they cover. */
  knowsAbout?: string[];
  /** The languages they report in, as written in the newsroom ("Spanish"); schema.org accepts a name or a code. */
  knowsLanguage?: string[];
  email?: string;
  /** Profiles elsewhere (the byline's links). */
  sameAs?: string[];
}

export interface ProfilePageLd {
  "@context": "https://schema.org";
  "@type": "ProfilePage";
  "@id": string;
  url: string;
  name: string;
  mainEntity: ProfilePersonLd;
}

export interface AuthorProfileInput {
  slug: string;
  name: string;
  bio: string;
  jobTitle: string;
  links: string[];
  photo: { src: string; width: number; height: number; alt?: string } | null;
  expertise: string[];
  languages: string[];
  contactEmail: string;
}

/** The author page as a ProfilePage about its Person; empty fields are left out, never sent as "". */
export function profilePageJsonLd(author: AuthorProfileInput, { siteUrl = env.SITE_URL }: SeoOptions = {}): ProfilePageLd {
  const url = absoluteUrl(siteUrl, authorPath(author.slug));
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    "@id": url,
    url,
    name: author.name,
    mainEntity: {
      "@type": "Person",
      "@id": `${url}#person`,
      name: author.name,
      url,
      ...(author.bio && { description: author.bio }),
      ...(author.jobTitle && { jobTitle: author.jobTitle }),
      ...(author.photo && {
        image: {
          "@type": "ImageObject" as const,
          url: absoluteUrl(siteUrl, author.photo.src),
          width: author.photo.width,
          height: author.photo.height,
          ...(author.photo.alt && { caption: author.photo.alt }),
        },
      }),
      ...(author.expertise.length > 0 && { knowsAbout: author.expertise }),
      ...(author.languages.length > 0 && { knowsLanguage: author.languages }),
      ...(author.contactEmail && { email: author.contactEmail }),
      ...(author.links.length > 0 && { sameAs: author.links }),
    },
  };
}
