import { z } from "zod";
import { isSlug, toSlug } from "@/lib/content/slug";

export const SLUG_MAX_LENGTH = 80;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A record's id as it arrives from a form (cuid); anything longer or stranger cannot name a row. */
export const recordId = z.string().trim().min(1, "Choose a record.").max(40).regex(/^[a-z0-9]+$/i, "Choose a record.");

/** Blank means "make one from the name" (done after the object parses, when the name is known). */
const slugField = z
  .string()
  .trim()
  .max(SLUG_MAX_LENGTH, `Use at most ${SLUG_MAX_LENGTH} characters.`)
  .refine((value) => value === "" || SLUG_PATTERN.test(value), "Use lower-case letters, digits and single hyphens, like “local-news”.")
  .default("");

function slugFromName<T extends { name: string; slug: string }>(value: T, ctx: z.RefinementCtx): T {
  const slug = value.slug || toSlug(value.name);
  if (!isSlug(slug)) {
    ctx.addIssue({ code: "custom", path: ["slug"], message: "Enter a slug: the name has no letters or digits to make one from." });
    return z.NEVER;
  }
  return { ...value, slug };
}

const text = (max: number, required?: string) =>
  (required ? z.string().trim().min(1, required) : z.string().trim()).max(max, `Use at most ${max} characters.`);

const sectionFields = {
  name: text(60, "Enter the section’s name."),
  slug: slugField,
  description: text(300).default(""),
};

export const sectionSchema = z.object(sectionFields).transform(slugFromName);
export const sectionUpdateSchema = z.object({ id: recordId, ...sectionFields }).transform(slugFromName);
export const sectionMoveSchema = z.object({ id: recordId, direction: z.enum(["up", "down"], "Choose up or down.") });

const tagFields = { name: text(60, "Enter the tag’s name."), slug: slugField };

export const tagSchema = z.object(tagFields).transform(slugFromName);
export const tagUpdateSchema = z.object({ id: recordId, ...tagFields }).transform(slugFromName);

export const BYLINE_LINKS_MAX = 10;

/** Whether a link may be shown on an author page: an absolute http or https address. */
export function isProfileLink(value: string): boolean {
  if (value.length > 500 || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The author page's links: one URL per line (blank lines ignored), http or https only, stored one per line. */
const bylineLinks = z
  .string()
  .max(6000, "Use fewer or shorter links.")
  .default("")
  .transform((value, ctx) => {
    const links = value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const bad = links.filter((link) => !isProfileLink(link));
    if (bad.length) ctx.addIssue({ code: "custom", message: `Each line must be one web address starting with http:// or https:// (check “${bad[0].slice(0, 80)}”).` });
    if (links.length > BYLINE_LINKS_MAX) ctx.addIssue({ code: "custom", message: `Use at most ${BYLINE_LINKS_MAX} links.` });
    return [...new Set(links)].join("\n");
  });

/** Short lines, one item each (blank lines dropped, repeats removed), stored one per line. */
function lineList(max: number, maxLength: number) {
  return z
    .string()
    .max(max * (maxLength + 2), `Use at most ${max} lines.`)
    .default("")
    .transform((value, ctx) => {
      const lines = [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
      if (lines.length > max) ctx.addIssue({ code: "custom", message: `Use at most ${max} lines.` });
      if (lines.some((line) => line.length > maxLength)) ctx.addIssue({ code: "custom", message: `Keep each line under ${maxLength} characters.` });
      return lines.join("\n");
    });
}

const bylineFields = {
  name: text(120, "Enter the name readers see."),
  slug: slugField,
  bio: text(2000).default(""),
  jobTitle: text(120).default(""),
  links: bylineLinks,
  // One subject or language per line, as the author page lists them.
  expertise: lineList(10, 80),
  languages: lineList(10, 40),
  contactEmail: z
    .string()
    .trim()
    .max(254, "Use a shorter email address.")
    .default("")
    .refine((value) => value === "" || z.email().safeParse(value).success, "Enter an email address readers may write to, like desk@example.com."),
  // "" is "no photo"; the data layer checks the image exists and has alt text.
  photoMediaId: z
    .union([z.literal(""), recordId])
    .default("")
    .transform((value) => value || null),
  // "" is "no linked account".
  userId: z
    .union([z.literal(""), recordId])
    .default("")
    .transform((value) => value || null),
};

export const bylineSchema = z.object(bylineFields).transform(slugFromName);
export const bylineUpdateSchema = z.object({ id: recordId, ...bylineFields }).transform(slugFromName);

/** Deleting any of the three: just the record. */
export const deleteRecordSchema = z.object({ id: recordId });

/** The tag list's ?q= search. */
export const tagSearchQuery = z.string().trim().max(100).catch("");

export type SectionInput = z.output<typeof sectionSchema>;
export type SectionUpdate = z.output<typeof sectionUpdateSchema>;
export type SectionMove = z.output<typeof sectionMoveSchema>;
export type TagInput = z.output<typeof tagSchema>;
export type TagUpdate = z.output<typeof tagUpdateSchema>;
export type BylineInput = z.output<typeof bylineSchema>;
export type BylineUpdate = z.output<typeof bylineUpdateSchema>;

/** The name in a list page's ?deleted= confirmation, or null when there is none (or it is not a plain name). */
export function deletedNotice(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value.trim() && value.length <= 120 ? value.trim() : null;
}
