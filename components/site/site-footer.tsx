import { getSiteSettings } from "@/lib/dal/settings";
import { FooterLinks } from "./footer-links";

// Every reader page ends with the site's directory: its published pages (About, Contact, the policies) and the
// corrections page, the sections and the feeds (components/site/footer-links.tsx), then the publisher's description.
export async function SiteFooter() {
  const site = await getSiteSettings();
  return (
    <footer className="mt-16 border-t border-neutral-300 dark:border-neutral-700">
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 text-sm text-neutral-600 dark:text-neutral-400">
        <FooterLinks />
        {site.publisherDescription && <p className="max-w-prose">{site.publisherDescription}</p>}
        {site.copyright && <p>{site.copyright}</p>}
      </div>
    </footer>
  );
}
