// What a story needs before readers may see it. Shared by the publish step (which refuses) and the editor (which
// warns early).

export interface PublishCheckInput {
  headline: string;
  body: string;
  bylineCount: number;
  /** Why the hero image cannot head a live story (from the media library's own check), or null. */
  heroProblem: string | null;
}

// The title (an inline image's caption and credit, lib/content/image-caption.ts) may hold escaped quotes.
const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"(?:[^"\\]|\\.)*")?\)/g;

/** Images in a Markdown body that have no alt text, by their address. */
export function imagesWithoutAlt(markdown: string): string[] {
  return [...markdown.matchAll(MARKDOWN_IMAGE)].filter((match) => !match[1]!.trim()).map((match) => match[2]!);
}

/** Why the story cannot go live yet, per field; empty when it can. */
export function publishProblems(input: PublishCheckInput): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!input.headline.trim()) problems.headline = ["Add a headline before publishing."];
  if (!input.body.trim()) problems.body = ["Write the story before publishing."];
  if (input.bylineCount === 0) problems.bylineIds = ["Add at least one byline before publishing."];
  if (input.heroProblem) problems.heroMediaId = [input.heroProblem];
  const missing = imagesWithoutAlt(input.body);
  if (missing.length) (problems.body ??= []).push(`${missing.length} image${missing.length === 1 ? " has" : "s have"} no alt text. Describe each image before publishing.`);
  return problems;
}
