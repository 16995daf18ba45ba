import Link from "next/link";
import { listSections } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { ThemeToggle } from "./theme-toggle";

// The publisher's description lives in the page metadata and on About; under the wordmark, the short tagline if set.
export async function SiteHeader() {
  const [site, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return (
    <header className="border-b-4 border-double border-neutral-900 print:border-b dark:border-neutral-300">
      <div className="mx-auto grid max-w-6xl grid-cols-[1fr_auto_1fr] items-center gap-3 px-4 py-2 sm:py-5">
        <Link
          href="/search"
          className="justify-self-start text-sm text-neutral-700 underline-offset-4 hover:underline print:hidden dark:text-neutral-300"
        >
          Search
        </Link>
        <div className="col-start-2 text-center">
          <Link
            href="/"
            className="block font-serif text-[1.75rem] leading-none font-bold tracking-tight sm:text-5xl"
            aria-label={`${site.name} home`}
          >
            {site.logo ? (
              // eslint-disable-next-line @next/next/no-img-element -- the logo is already a resized rendition from /media
              <img src={site.logo.src} alt={site.name} width={site.logo.width} height={site.logo.height} className="mx-auto h-8 w-auto sm:h-14" />
            ) : (
              site.name
            )}
          </Link>
          {/* The short tagline setting (the publisher's long description is in the metadata and on About); on a
              phone the header stays one compact row. */}
          {site.tagline && <p className="mt-1 hidden font-sans text-xs text-neutral-600 sm:block dark:text-neutral-400">{site.tagline}</p>}
        </div>
        <div className="justify-self-end print:hidden">
          <ThemeToggle />
        </div>
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="border-t border-neutral-200 print:hidden dark:border-neutral-800">
          <ul className="scroll-fade mx-auto flex max-w-6xl gap-x-5 overflow-x-auto px-4 py-2 font-sans text-sm font-semibold sm:justify-center-safe">
            {sections.map((section) => (
              <li key={section.slug} className="shrink-0">
                <Link href={`/sections/${section.slug}`} className="underline-offset-4 hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
