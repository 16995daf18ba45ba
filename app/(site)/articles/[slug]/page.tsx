import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { getPublishedArticle } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { isSlug } from "@/lib/content/slug";

type Props = { params: Promise<{ slug: string }> };

async function loadArticle(params: Props["params"]) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  return {
    title: article.seoTitle ?? article.headline,
    description: article.seoDescription ?? article.standfirst,
    alternates: { canonical: `/articles/${article.slug}` },
  };
}

export default async function ArticlePage({ params }: Props) {
  const [article, site] = await Promise.all([loadArticle(params), getSiteSettings()]);
  return <ArticleView article={article} timeZone={site.timeZone} />;
}
