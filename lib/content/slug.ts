import slugify from "slugify";

const MAX_SLUG_LENGTH = 80;

/** A URL slug from a headline or name: lower-case ASCII words joined by hyphens, cut at a word boundary. */
export function toSlug(text: string): string {
  const slug = slugify(text, { lower: true, strict: true, trim: true });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG_LENGTH);
}

/** Whether a URL segment could be a slug at all; anything else is a 404 without a database query. */
export function isSlug(value: string): boolean {
  return value.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
