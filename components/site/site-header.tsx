import Link from "next/link";
import { listSections } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { ThemeToggle } from "./theme-toggle";

export async function SiteHeader() {
  const [site, sections] = await Promise.all([getSiteSettings(), listSections()]);
  return (
    <header className="border-b-4 border-double border-neutral-900 print:border-b dark:border-neutral-300">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-3 text-sm print:hidden">
        <Link href="/search" className="text-neutral-700 underline-offset-4 hover:underline dark:text-neutral-300">
          Search
        </Link>
        <ThemeToggle />
      </div>
      <div className="mx-auto flex max-w-6xl flex-col items-center gap-1 px-4 pb-4 pt-1 text-center">
        <Link href="/" className="font-serif text-4xl font-black tracking-tight sm:text-5xl" aria-label={`${site.name} home`}>
          {site.logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- the logo is already a resized rendition from /media
            <img src={site.logo.src} alt={site.name} width={site.logo.width} height={site.logo.height} className="mx-auto h-14 w-auto sm:h-16" />
          ) : (
            site.name
          )}
        </Link>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{site.description}</p>
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="border-t border-neutral-200 print:hidden dark:border-neutral-800">
          <ul className="mx-auto flex max-w-6xl gap-x-5 overflow-x-auto px-4 py-2 text-sm font-semibold sm:justify-center">
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
