// Loads a fresh BreakingOn database with the site settings, starter sections, the newsroom byline and the source
// article. Idempotent: whatever already exists (matched by its unique slug) is reported as found and left alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ArticleStatus, type Db, type Prisma } from "../../lib/db";
import { parseStory, type ParsedStory } from "../../lib/content/parse-story";
import { toSlug } from "../../lib/content/slug";
import { SITE_PAGES } from "../../lib/validation/site-pages";

export const SOURCE_ARTICLE = path.join(path.dirname(fileURLToPath(import.meta.url)), "source-article.txt");

export const STARTER_SECTIONS = [
  { slug: "world", name: "World", description: "International news and analysis from around the globe." },
  { slug: "politics", name: "Politics", description: "Government, elections and policy." },
  { slug: "us", name: "U.S.", description: "News from across the United States." },
  { slug: "business", name: "Business", description: "Markets, companies and the economy." },
  { slug: "technology", name: "Technology", description: "Tech companies, science and the digital world." },
  { slug: "opinion", name: "Opinion", description: "Commentary, columns and editorials." },
] as const;

export const NEWSROOM_BYLINE = {
  slug: "breakingon-newsroom",
  name: "BreakingOn Newsroom",
  bio: "Reporting and analysis from the BreakingOn news desk.",
};

const SOURCE_SECTION = "world";
const SOURCE_TAGS = ["Mexico", "Drug Cartels", "Donald Trump", "Claudia Sheinbaum", "U.S. Military", "Fentanyl"];
const SITE_TIME_ZONE = "America/New_York";

type Log = (line: string) => void;
type Tx = Prisma.TransactionClient;

/** Noon UTC falls on the same calendar day from UTC-11 to UTC+11, so a date-only source shows its own date. */
export function publicationInstant(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00.000Z`);
}

export async function seedDatabase(db: Db, options: { source?: string; log?: Log } = {}): Promise<void> {
  const log = options.log ?? console.log;
  // Parse before touching the database: a source that does not parse writes nothing.
  const story = parseStory(readFileSync(options.source ?? SOURCE_ARTICLE, "utf8"));
  await db.$transaction(async (tx) => {
    await seedSettings(tx, story, log);
    for (const [sortOrder, section] of STARTER_SECTIONS.entries()) {
      await findOrCreate(log, `section ${section.name}`, () => tx.section.findUnique({ where: { slug: section.slug } }), () =>
        tx.section.create({ data: { ...section, sortOrder } }),
      );
    }
    const byline = await findOrCreate(
      log,
      `byline ${NEWSROOM_BYLINE.name}`,
      () => tx.byline.findUnique({ where: { slug: NEWSROOM_BYLINE.slug } }),
      () => tx.byline.create({ data: NEWSROOM_BYLINE }),
    );
    const tags = [];
    for (const name of SOURCE_TAGS) {
      const slug = toSlug(name);
      tags.push(
        await findOrCreate(log, `tag ${name}`, () => tx.tag.findUnique({ where: { slug } }), () =>
          tx.tag.create({ data: { slug, name } }),
        ),
      );
    }
    await seedArticle(tx, story, byline.id, tags.map((t) => t.id), log);
    await seedSitePages(tx, story, log);
  });
}

/** Words a draft site page starts with, so an editor sees what belongs there. */
const DRAFT_PROMPTS: Record<string, string> = {
  contact: "How readers reach the newsroom: an address for tips, one for corrections, and one for everything else.",
  "corrections-policy": "How errors are corrected, how corrections and updates are marked on a story, and how readers report one.",
  "ethics-policy": "The standards the newsroom holds itself to: sourcing, independence, conflicts of interest, and anonymous sources.",
  masthead: "Who runs the newsroom: editors and their responsibilities.",
  "ownership-funding": "Who owns the publication and how it is funded.",
  privacy: "What the site records about readers, for how long, and why.",
};

/**
 * The site pages: About, published, from the source's publisher statement; the others as drafts for an editor to
 * write. A page that exists (matched by its slug) is left as it is.
 */
async function seedSitePages(tx: Tx, story: ParsedStory, log: Log) {
  for (const kind of SITE_PAGES) {
    const about = kind.slug === "about";
    const title = about ? `About ${story.publication}` : kind.title;
    const body = about ? (story.footer.about ?? `${story.publication}: independent news.`) : (DRAFT_PROMPTS[kind.slug] ?? "");
    const status = about ? "PUBLISHED" : "DRAFT";
    await findOrCreate(log, `site page ${kind.title}`, () => tx.page.findUnique({ where: { slug: kind.slug } }), async () => {
      const page = await tx.page.create({ data: { slug: kind.slug, title, body, status } });
      await tx.pageRevision.create({ data: { pageId: page.id, version: page.version, reason: "Created by the seed", title, body, status } });
      return page;
    });
  }
}

async function seedSettings(tx: Tx, story: ParsedStory, log: Log) {
  await findOrCreate(log, `site settings for ${story.publication}`, () => tx.siteSettings.findUnique({ where: { id: 1 } }), () =>
    tx.siteSettings.create({
      data: {
        id: 1,
        name: story.publication,
        description: firstSentence(story.footer.about) ?? `${story.publication}: independent news.`,
        publisherDescription: story.footer.about ?? "",
        copyright: story.footer.copyright ?? `© ${story.publication}`,
        language: "en",
        timeZone: SITE_TIME_ZONE,
      },
    }),
  );
}

async function seedArticle(tx: Tx, story: ParsedStory, bylineId: string, tagIds: string[], log: Log) {
  const slug = toSlug(story.headline);
  await findOrCreate(log, `article "${story.headline}"`, () => tx.article.findUnique({ where: { slug } }), async () => {
    const section = await tx.section.findUniqueOrThrow({ where: { slug: SOURCE_SECTION } });
    const publishedAt = publicationInstant(story.date);
    const article = await tx.article.create({
      data: {
        slug,
        headline: story.headline,
        standfirst: story.standfirst,
        body: story.body,
        seoDescription: story.summary,
        status: ArticleStatus.PUBLISHED,
        publishedAt,
        sectionId: section.id,
        bylines: { create: [{ bylineId, position: 0 }] },
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
        createdAt: publishedAt,
      },
    });
    await tx.revision.create({
      data: {
        articleId: article.id,
        version: article.version,
        reason: "Imported from the source document",
        headline: article.headline,
        standfirst: article.standfirst,
        body: article.body,
        status: article.status,
        snapshot: { sectionId: section.id, tagIds, bylineIds: [bylineId], seoDescription: story.summary },
        createdAt: publishedAt,
      },
    });
    return article;
  });
}

async function findOrCreate<T>(log: Log, label: string, find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  const existing = await find();
  if (existing) {
    log(`found   ${label}`);
    return existing;
  }
  const created = await create();
  log(`created ${label}`);
  return created;
}

function firstSentence(text: string | null): string | null {
  return text?.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? null;
}
