import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { findRedirect, getPublishedArticle } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { isSlug } from "@/lib/content/slug";
import { env } from "@/lib/env";

type Props = { params: Promise<{ slug: string }> };

/** The story for this URL; an old slug answers with a permanent redirect to the current one. */
async function loadArticle(params: Props["params"]) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const data = await getPublishedArticle(slug);
  if (data) return data;
  const current = await findRedirect(slug);
  if (current) permanentRedirect(`/articles/${current}`);
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await loadArticle(params);
  return {
    title: article.seoTitle ?? article.headline,
    description: article.seoDescription ?? article.standfirst,
    alternates: { canonical: `/articles/${article.slug}` },
  };
}

export default async function ArticlePage({ params }: Props) {
  const [data, site] = await Promise.all([loadArticle(params), getSiteSettings()]);
  return <ArticleView data={data} timeZone={site.timeZone} url={`${env.SITE_URL}/articles/${data.article.slug}`} />;
}
