import Link from "next/link";
import { listSections } from "@/lib/dal/articles";
import { listPublishedSitePages } from "@/lib/dal/site-pages";
import { CORRECTIONS_FEED_PATH, CORRECTIONS_PATH } from "@/lib/feeds/corrections-feed";
import { sitePagePath } from "@/lib/validation/site-pages";
import { sectionPath } from "@/lib/seo/urls";

const linkClass = "underline-offset-4 hover:underline";

function Group({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <div>
      <h2 id={id} className="mb-2 font-sans text-xs font-bold uppercase tracking-widest text-neutral-700 dark:text-neutral-300">
        {title}
      </h2>
      <ul aria-labelledby={id} className="space-y-1">
        {children}
      </ul>
    </div>
  );
}

/**
 * The footer's directory: the published site pages (About, Contact, the policies) with the corrections page, the
 * sections, and the feeds. A server component; the page lists come from the cache (tags `pages` and `sections`),
 * so publishing a site page or adding a section refreshes every page that shows it.
 */
export async function FooterLinks() {
  // The build renders a few static shells without a database (lib/dal/settings.ts does the same).
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const [pages, sections] = await Promise.all([listPublishedSitePages(), building ? Promise.resolve([]) : listSections()]);
  return (
    <nav aria-label="Site information" className="grid gap-6 text-sm sm:grid-cols-3 print:hidden">
      <Group id="footer-links-about" title="About us">
        {pages.map((page) => (
          <li key={page.slug}>
            <Link href={sitePagePath(page.slug)} className={linkClass}>
              {page.title}
            </Link>
          </li>
        ))}
        <li>
          <Link href={CORRECTIONS_PATH} className={linkClass}>
            Corrections
          </Link>
        </li>
      </Group>
      {sections.length > 0 && (
        <Group id="footer-links-sections" title="Sections">
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={sectionPath(section.slug)} className={linkClass}>
                {section.name}
              </Link>
            </li>
          ))}
        </Group>
      )}
      <Group id="footer-links-feeds" title="Feeds">
        <li>
          <a href="/feeds/rss.xml" className={linkClass}>
            All stories (RSS)
          </a>
        </li>
        <li>
          <a href="/feeds/atom.xml" className={linkClass}>
            All stories (Atom)
          </a>
        </li>
        <li>
          <a href={CORRECTIONS_FEED_PATH} className={linkClass}>
            Corrections and updates (RSS)
          </a>
        </li>
      </Group>
    </nav>
  );
}
