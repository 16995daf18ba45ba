import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { JsonLd } from "@/components/site/json-ld";
import { findRedirect, getPublishedArticle } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { isSlug } from "@/lib/content/slug";
import { env } from "@/lib/env";
import { articleBreadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/json-ld";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

// Each story's page is rendered on its first request and then served whole from Next.js's cache until a write
// expires one of the tags its data carries (lib/cache/invalidate.ts): a spike on a breaking story renders it once.
// No slugs at build time, so the build never reads the database.
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

async function findArticle(params: Props["params"]) {
  const { slug } = await params;
  return isSlug(slug) ? { slug, data: await getPublishedArticle(slug) } : { slug, data: null };
}

/** The story for this URL; an old slug answers with a permanent redirect to the current one. */
async function loadArticle(params: Props["params"]) {
  const { slug, data } = await findArticle(params);
  if (data) return data;
  const current = isSlug(slug) ? await findRedirect(slug) : null;
  if (current) permanentRedirect(`/articles/${current}`);
  notFound();
}

// Metadata never throws notFound(): thrown here, Next would send an empty error shell instead of the 404 page.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await findArticle(params);
  if (!data) return {};
  return articleMetadata(data.article, await getSiteSettings());
}

export default async function ArticlePage({ params }: Props) {
  const [data, site] = await Promise.all([loadArticle(params), getSiteSettings()]);
  return (
    <>
      <JsonLd data={[newsArticleJsonLd(data.article, site), articleBreadcrumbJsonLd(data.article, site)]} />
      <ArticleView data={data} timeZone={site.timeZone} url={`${env.SITE_URL}/articles/${data.article.slug}`} />
    </>
  );
}
