import Link from "next/link";
import { getSiteSettings } from "@/lib/dal/settings";

export async function SiteFooter() {
  const site = await getSiteSettings();
  return (
    <footer className="mt-16 border-t border-neutral-300 dark:border-neutral-700">
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-8 text-sm text-neutral-600 dark:text-neutral-400">
        {site.publisherDescription && <p className="max-w-prose">{site.publisherDescription}</p>}
        <nav aria-label="Site" className="print:hidden">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            <li>
              <Link href="/about" className="underline underline-offset-4">
                About {site.name}
              </Link>
            </li>
            <li>
              <a href="/feeds/rss.xml" className="underline underline-offset-4">
                RSS feed
              </a>
            </li>
            <li>
              <Link href="/search" className="underline underline-offset-4">
                Search
              </Link>
            </li>
          </ul>
        </nav>
        {site.copyright && <p>{site.copyright}</p>}
      </div>
    </footer>
  );
}
