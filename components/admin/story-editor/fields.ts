import type { StoryFields, WorkTypeName } from "@/lib/validation/stories";

/** The story's fields as the editor holds them: every optional field as "" rather than null, dates as ISO strings. */
export interface EditorFields {
  headline: string;
  standfirst: string;
  body: string;
  slug: string;
  sectionId: string;
  tags: string[];
  bylineIds: string[];
  heroMediaId: string;
  seoTitle: string;
  seoDescription: string;
  breaking: boolean;
  breakingUntil: string;
  featured: boolean;
  embargoUntil: string;
  workType: WorkTypeName;
  dateline: string;
}

export function toEditorFields(f: StoryFields): EditorFields {
  return {
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
    embargoUntil: f.embargoUntil ? f.embargoUntil.toISOString() : "",
    workType: f.workType ?? "NEWS",
    dateline: f.dateline ?? "",
  };
}

/** The Tags field's text as the list the server stores: comma-separated, trimmed, no blanks or repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/** The top-level paragraphs of a Markdown body (blank-line separated), for anchoring notes. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
