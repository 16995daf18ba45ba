import { z } from "zod";
import { isNestingAcceptable, NESTING_MESSAGE } from "@/lib/content/markdown-limits";

/**
 * The site pages a newsroom keeps (The Trust Project's indicators), in the order the footer lists them. Their
 * slugs are fixed: the footer, the organisation's JSON-LD and the seed find them by slug.
 */
export const SITE_PAGES = [
  { slug: "about", title: "About", hint: "Who publishes the site, and why." },
  { slug: "contact", title: "Contact", hint: "How readers reach the newsroom: tips, corrections, general enquiries." },
  { slug: "corrections-policy", title: "Corrections policy", hint: "How errors are corrected and marked (publishingPrinciples, correctionsPolicy)." },
  { slug: "ethics-policy", title: "Ethics policy", hint: "The standards the newsroom holds itself to (ethicsPolicy)." },
  { slug: "masthead", title: "Masthead", hint: "Who runs the newsroom (masthead)." },
  { slug: "ownership-funding", title: "Ownership and funding", hint: "Who owns the publication and how it is paid for (ownershipFundingInfo)." },
  { slug: "privacy", title: "Privacy", hint: "What the site records about readers." },
] as const;

export type SitePageSlug = (typeof SITE_PAGES)[number]["slug"];
export const SITE_PAGE_SLUGS = SITE_PAGES.map((page) => page.slug) as SitePageSlug[];

export function isSitePageSlug(value: string): value is SitePageSlug {
  return (SITE_PAGE_SLUGS as string[]).includes(value);
}

/** Where readers find a site page: About keeps its long-standing address. */
export function sitePagePath(slug: string): string {
  return slug === "about" ? "/about" : `/pages/${slug}`;
}

export const SITE_PAGE_BODY_MAX = 100_000;

const slugField = z.string().refine(isSitePageSlug, "Choose one of the site pages.");

export const sitePageSchema = z.object({
  slug: slugField,
  // 0: the page has never been saved (created by this save).
  baseVersion: z.coerce.number().int().min(0).max(1_000_000_000),
  title: z.string().trim().min(1, "Enter the page’s title.").max(120, "Keep the title under 120 characters."),
  body: z
    .string()
    .max(SITE_PAGE_BODY_MAX, `The page is too long (${SITE_PAGE_BODY_MAX.toLocaleString("en")} characters at most).`)
    .refine(isNestingAcceptable, NESTING_MESSAGE)
    .transform((value) => value.replace(/\r\n?/g, "\n").trimEnd()),
});

export const sitePageStatusSchema = z.object({
  slug: slugField,
  baseVersion: z.coerce.number().int().min(1).max(1_000_000_000),
  status: z.enum(["DRAFT", "PUBLISHED"]),
});

export type SitePageInput = z.output<typeof sitePageSchema>;
export type SitePageStatusInput = z.output<typeof sitePageStatusSchema>;
