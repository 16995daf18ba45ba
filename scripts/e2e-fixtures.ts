// Extra stories for the end-to-end tests, added after the seed: a second published story with an old slug and a
// correction, a breaking story pinned as the lead with a hero image, and one story in every state readers must never
// see (each headline carries the marker word "Zebracorn" so the specs can search every page, feed and sitemap for leaks).
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { ArticleStatus, createDb } from "../lib/db";

export const HIDDEN_MARKER = "Zebracorn";
export const STORM_HERO_ALT = "Waves break over a sea wall under dark storm clouds";
const DAY = 86_400_000;

/**
 * A 1600×900 picture stored the way the upload pipeline stores one (lib/media/process.ts: a default JPEG, WebP at
 * the responsive widths, a 1200×630 social crop, under <STORAGE_DIR>/<key[0..2]>/<key>/), and its Media.variants.
 */
async function storeHeroImage(storageDir: string) {
  const [width, height] = [1600, 900];
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1f2a36"/><stop offset="1" stop-color="#5b6b78"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <ellipse cx="420" cy="180" rx="520" ry="120" fill="#2b3744"/><ellipse cx="1250" cy="230" rx="560" ry="140" fill="#34414f"/>
    <rect y="560" width="100%" height="340" fill="#27465a"/>
    <path d="M0 600 Q 200 520 400 600 T 800 600 T 1200 600 T 1600 600 V 900 H 0 Z" fill="#3d6b84"/>
    <rect x="0" y="760" width="1600" height="140" fill="#6f7a80"/>
    <path d="M900 760 Q 1000 560 1120 700 Q 1180 620 1260 760 Z" fill="#e8eef2" opacity="0.85"/>
  </svg>`;
  const master = sharp(Buffer.from(scene));
  const storageKey = randomBytes(16).toString("base64url");
  const dir = path.join(storageDir, storageKey.slice(0, 2), storageKey);
  await mkdir(dir, { recursive: true });
  const store = async (file: string, image: Sharp, mimeType: string) => {
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    await writeFile(path.join(dir, file), data);
    return { file, width: info.width, height: info.height, bytes: data.length, mimeType };
  };
  const main = await store("default.jpg", master.clone().jpeg({ quality: 85 }), "image/jpeg");
  const responsive = [];
  for (const w of [320, 640, 960, 1280, width]) responsive.push(await store(`w${w}.webp`, master.clone().resize({ width: w }).webp({ quality: 80 }), "image/webp"));
  const social = await store("social.jpg", master.clone().resize({ width: 1200, height: 630, fit: "cover" }).jpeg({ quality: 82 }), "image/jpeg");
  return {
    storageKey,
    originalName: "storm-sea-wall.jpg",
    mimeType: main.mimeType,
    width,
    height,
    bytes: main.bytes,
    alt: STORM_HERO_ALT,
    caption: "The sea wall at dawn, as the storm came ashore.",
    credit: "BreakingOn",
    variants: { version: 1, default: main, responsive, social, original: { format: "png", width, height, bytes: main.bytes } },
  };
}

// scripts/e2e-server.ts serves STORAGE_DIR from here (one directory per port, as e2e/media.spec.ts reads it).
const defaultStorageDir = () => `data/e2e-storage-${Number(process.env.E2E_PORT ?? 3100)}`;

export async function addE2eFixtures(url: string, storageDir: string = defaultStorageDir()): Promise<void> {
  const db = createDb(url);
  try {
    const [politics, world, us, newsroom, mexico] = await Promise.all([
      db.section.findUniqueOrThrow({ where: { slug: "politics" } }),
      db.section.findUniqueOrThrow({ where: { slug: "world" } }),
      db.section.findUniqueOrThrow({ where: { slug: "us" } }),
      db.byline.findUniqueOrThrow({ where: { slug: "breakingon-newsroom" } }),
      db.tag.findUniqueOrThrow({ where: { slug: "mexico" } }),
    ]);
    const links = { bylines: { create: [{ bylineId: newsroom.id }] }, tags: { create: [{ tagId: mexico.id }] } };
    const body = "## What happened\n\nOfficials met on Friday.\n\n## What comes next\n\nTalks continue.\n";
    const now = Date.now();
    const hero = await db.media.create({ data: await storeHeroImage(storageDir), select: { id: true } });
    await db.$transaction(async (tx) => {
      const older = await tx.article.create({
        data: {
          ...links,
          slug: "mexico-expands-border-patrols-after-talks",
          headline: "Mexico Expands Border Patrols After Talks",
          standfirst: "The deployment follows a week of negotiations with U.S. officials.",
          body,
          status: ArticleStatus.PUBLISHED,
          publishedAt: new Date("2025-08-01T15:00:00Z"),
          substantiveUpdatedAt: new Date("2025-08-02T10:30:00Z"),
          sectionId: politics.id,
        },
      });
      await tx.slugRedirect.create({ data: { fromSlug: "mexico-border-patrols-first-draft", articleId: older.id } });
      await tx.correction.create({
        data: { articleId: older.id, body: "An earlier version misstated the number of troops.", publishedAt: new Date("2025-08-02T10:30:00Z") },
      });
      await tx.article.create({
        data: {
          bylines: links.bylines,
          slug: "storm-makes-landfall-on-gulf-coast",
          headline: "Storm Makes Landfall on Gulf Coast",
          standfirst: "Emergency services are responding across three states.",
          body,
          status: ArticleStatus.PUBLISHED,
          publishedAt: new Date(now - 3_600_000),
          breaking: true,
          breakingUntil: new Date(now + DAY),
          // Pinned, so it leads the home page however many stories other specs publish before the fronts spec.
          featured: true,
          heroMediaId: hero.id,
          sectionId: us.id,
        },
      });
      const hidden = [
        { slug: "zebracorn-draft", status: ArticleStatus.DRAFT },
        { slug: "zebracorn-in-review", status: ArticleStatus.IN_REVIEW },
        { slug: "zebracorn-scheduled", status: ArticleStatus.SCHEDULED, scheduledAt: new Date(now + DAY) },
        { slug: "zebracorn-archived", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - DAY) },
        { slug: "zebracorn-future", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now + DAY) },
      ];
      for (const story of hidden) {
        await tx.article.create({
          data: {
            ...links,
            ...story,
            headline: `${HIDDEN_MARKER} ${story.slug} cartels Mexico`,
            standfirst: `${HIDDEN_MARKER} must never reach readers.`,
            body: `${HIDDEN_MARKER} cartels Mexico military.`,
            sectionId: world.id,
            breaking: true,
            featured: true,
          },
        });
      }
    });
  } finally {
    await db.$disconnect();
  }
}
