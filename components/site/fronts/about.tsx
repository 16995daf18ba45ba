import type { Metadata } from "next";
import { getSiteSettings } from "@/lib/dal/settings";
import { pageMetadata } from "@/lib/seo/metadata";

// The about page (`/about`, served by app/(site)/fronts/[front]).
export async function aboutMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return pageMetadata({ title: `About ${site.name}`, description: site.description, path: "/about" }, site);
}

export default async function AboutPage() {
  const site = await getSiteSettings();
  return (
    <div className="prose prose-lg prose-neutral mx-auto dark:prose-invert">
      <h1 className="font-serif">About {site.name}</h1>
      <p className="lead">{site.description}</p>
      {site.publisherDescription && site.publisherDescription !== site.description && <p>{site.publisherDescription}</p>}
      {site.copyright && <p className="text-sm">{site.copyright}</p>}
    </div>
  );
}
