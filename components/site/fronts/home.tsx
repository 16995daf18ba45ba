import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/site/article-card";
import { JsonLd } from "@/components/site/json-ld";
import { getHomePage } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { homeJsonLd } from "@/lib/seo/json-ld";
import { homeMetadata } from "@/lib/seo/metadata";

// The front page (`/`, served by app/(site)/fronts/[front]).
export async function homeMetadataNow(): Promise<Metadata> {
  return homeMetadata(await getSiteSettings());
}

export default async function HomePage() {
  const [home, site] = await Promise.all([getHomePage(), getSiteSettings()]);
  const tz = site.timeZone;
  if (!home.lead) {
    return (
      <>
        <h1 className="sr-only">{site.name}</h1>
        <div className="py-20 text-center">
          <p className="font-serif text-2xl font-semibold">No stories yet.</p>
          <p className="mt-3 text-neutral-600 dark:text-neutral-400">
            The newsroom hasn&apos;t published anything. Check back soon.
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <JsonLd data={homeJsonLd(site)} />
      <h1 className="sr-only">{site.name}: latest news</h1>
      <div className="grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="lead-heading" className="lg:col-span-2">
          <h2 id="lead-heading" className="sr-only">
            Lead story
          </h2>
          <ArticleCard article={home.lead} timeZone={tz} variant="lead" headingLevel={3} />
        </section>
        {home.topStories.length > 0 && (
          <section aria-labelledby="top-heading" className="border-neutral-200 lg:border-l lg:pl-8 dark:border-neutral-800">
            <h2 id="top-heading" className="mb-4 text-xs font-black uppercase tracking-widest">
              Top stories
            </h2>
            <ul className="space-y-5">
              {home.topStories.map((article) => (
                <li key={article.slug}>
                  <ArticleCard article={article} timeZone={tz} variant="compact" />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>

      {home.latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="mt-12 border-t border-neutral-900 pt-4 dark:border-neutral-300">
          <h2 id="latest-heading" className="mb-4 text-xs font-black uppercase tracking-widest">
            Latest
          </h2>
          <ol className="grid gap-6 sm:grid-cols-2">
            {home.latest.map((article) => (
              <li key={article.slug}>
                <ArticleCard article={article} timeZone={tz} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {home.sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-12 border-t border-neutral-900 pt-4 dark:border-neutral-300">
          <h2 id={`section-${section.slug}`} className="mb-4 text-xs font-black uppercase tracking-widest">
            <Link href={`/sections/${section.slug}`} className="hover:underline">
              {section.name}
            </Link>
          </h2>
          <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <li key={article.slug}>
                <ArticleCard article={article} timeZone={tz} variant="compact" showSection={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
