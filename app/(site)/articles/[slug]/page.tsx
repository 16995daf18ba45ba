import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { JsonLd } from "@/components/site/json-ld";
import { LiveCoverage, LiveStatus } from "@/components/site/live/live-coverage";
import { NotFoundPage } from "@/components/site/not-found-page";
import { findRedirect, getPublishedArticle } from "@/lib/dal/articles";
import { getLiveCoverage } from "@/lib/dal/live-entries";
import { getSiteSettings } from "@/lib/dal/settings";
import { listPublishedSitePages } from "@/lib/dal/site-pages";
import { isSlug } from "@/lib/content/slug";
import { env } from "@/lib/env";
import { answerBriefly } from "@/lib/seo/brief-answer";
import { articleBreadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/json-ld";
import { liveBlogPostingJsonLd } from "@/lib/seo/live-json-ld";
import { articleMetadata, notFoundMetadata } from "@/lib/seo/metadata";
import { articlePath } from "@/lib/seo/urls";

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

// Metadata never throws notFound(): thrown there, Next would send an empty error shell instead of the 404 page.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await findArticle(params);
  if (!data) return notFoundMetadata();
  return articleMetadata(data.article, await getSiteSettings());
}

export default async function ArticlePage({ params }: Props) {
  const [{ slug, data }, site, pages] = await Promise.all([findArticle(params), getSiteSettings(), listPublishedSitePages()]);
  if (!data) {
    // An old slug normally never gets here: proxy.ts answers it with one Location header. This is the fallback for
    // a slug that moved within the proxy's few seconds of memory; Next repeats the Location header on the render
    // that fills the cache (vercel/next.js#82117), and the brief lifetime keeps a CDN from holding the redirect.
    const current = isSlug(slug) ? await findRedirect(slug) : null;
    if (current) {
      await answerBriefly();
      permanentRedirect(articlePath(current));
    }
    return <NotFoundPage />;
  }
  const seoSite = { ...site, sitePages: pages.map((page) => page.slug) };
  const url = `${env.SITE_URL}/articles/${data.article.slug}`;
  const live = data.article.live;
  if (live) {
    // A live coverage: the same article with its entries (cached under live:<id>, expired when an entry changes).
    // Its start and end come with the entries: ending the coverage expires live:<id> with the endpoint readers poll.
    const coverage = await getLiveCoverage(data.article.id);
    const article = { ...data.article, live: { startedAt: coverage.startedAt, endedAt: coverage.endedAt } };
    return (
      <>
        <JsonLd data={[liveBlogPostingJsonLd(article, coverage.entries, seoSite), articleBreadcrumbJsonLd(article, site)]} />
        <ArticleView data={data} timeZone={site.timeZone} url={url} liveStatus={<LiveStatus endedAt={coverage.endedAt} timeZone={site.timeZone} />}>
          <LiveCoverage articleId={data.article.id} coverage={coverage} open={!coverage.endedAt} timeZone={site.timeZone} pollSeconds={env.LIVE_POLL_SECONDS} />
        </ArticleView>
      </>
    );
  }
  return (
    <>
      <JsonLd data={[newsArticleJsonLd(data.article, seoSite), articleBreadcrumbJsonLd(data.article, site)]} />
      <ArticleView data={data} timeZone={site.timeZone} url={url} />
    </>
  );
}
