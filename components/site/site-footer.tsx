import { getSiteSettings } from "@/lib/dal/settings";

export async function SiteFooter() {
  const site = await getSiteSettings();
  return (
    <footer className="mt-16 border-t border-neutral-300">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-8 text-sm text-neutral-600">
        {site.publisherDescription && <p className="max-w-prose">{site.publisherDescription}</p>}
        {site.copyright && <p>{site.copyright}</p>}
      </div>
    </footer>
  );
}
