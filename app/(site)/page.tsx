import { ArticleList } from "@/components/site/article-list";
import { listPublishedArticles } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";

export default async function HomePage() {
  const [articles, site] = await Promise.all([listPublishedArticles({ take: 20 }), getSiteSettings()]);
  return (
    <>
      <h1 className="sr-only">{site.name}: latest news</h1>
      {articles.length === 0 ? (
        <p className="py-16 text-center text-lg text-neutral-600">No stories have been published yet.</p>
      ) : (
        <ArticleList articles={articles} timeZone={site.timeZone} />
      )}
    </>
  );
}
