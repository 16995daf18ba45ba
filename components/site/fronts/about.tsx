import type { Metadata } from "next";
import { getSiteSettings } from "@/lib/dal/settings";
import { getPublishedSitePage } from "@/lib/dal/site-pages";
import { pageMetadata } from "@/lib/seo/metadata";
import { SitePageView } from "../site-page-view";

// The about page (`/about`, served by app/(site)/fronts/[front]): the newsroom's published About page when there is
// one (lib/dal/site-pages.ts), else the publisher's statement from the settings.
export async function aboutMetadata(): Promise<Metadata> {
  const [site, page] = await Promise.all([getSiteSettings(), getPublishedSitePage("about")]);
  return pageMetadata({ title: page?.title ?? `About ${site.name}`, description: site.description, path: "/about" }, site);
}

export default async function AboutPage() {
  const [site, page] = await Promise.all([getSiteSettings(), getPublishedSitePage("about")]);
  if (page) return <SitePageView page={page} timeZone={site.timeZone} />;
  return (
    <div className="prose prose-lg prose-neutral mx-auto dark:prose-invert">
      <h1 className="font-serif">About {site.name}</h1>
      <p className="lead">{site.description}</p>
      {site.publisherDescription && site.publisherDescription !== site.description && <p>{site.publisherDescription}</p>}
      {site.copyright && <p className="text-sm">{site.copyright}</p>}
    </div>
  );
}
