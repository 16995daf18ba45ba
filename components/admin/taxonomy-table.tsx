import Link from "@/components/admin/newsroom-link";
import type { ReactNode } from "react";

export interface TaxonomyColumn<T> {
  header: string;
  cell: (row: T, index: number) => ReactNode;
  className?: string;
}

/** The list of sections, tags or bylines: a plain table that scrolls sideways on narrow screens. */
export function TaxonomyTable<T extends { id: string }>({ caption, rows, columns }: { caption: string; rows: T[]; columns: TaxonomyColumn<T>[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b-2 border-neutral-900 dark:border-neutral-300">
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`py-2 pr-4 font-semibold ${column.className ?? ""}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {rows.map((row, index) => (
            <tr key={row.id} className="align-top">
              {columns.map((column) => (
                <td key={column.header} className={`py-3 pr-4 ${column.className ?? ""}`}>
                  {column.cell(row, index)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function storyCount(count: number): string {
  return count === 1 ? "1 story" : `${count} stories`;
}

/** The record's name, linking to its edit page. */
export function TaxonomyEditLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-semibold underline underline-offset-4">
      {children}
    </Link>
  );
}

/** The record's public address on the reader site. */
export function TaxonomyReaderLink({ path }: { path: string }) {
  return (
    // A plain link, not prefetched: a reader page is another part of the site, and one without published stories
    // yet answers 404 (a prefetch of it would log an error in the newsroom's console).
    <a href={path} className="break-words text-neutral-700 underline-offset-4 hover:underline dark:text-neutral-300">
      {path}
    </a>
  );
}

/** The list page's heading, intro and (after a delete) its confirmation. */
export function TaxonomyPageHeader({ title, intro, notice }: { title: string; intro: ReactNode; notice?: string | null }) {
  return (
    <header className="mb-6 space-y-2">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-3xl text-sm text-neutral-700 dark:text-neutral-300">{intro}</p>
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          {notice}
        </p>
      )}
    </header>
  );
}

/** A titled block of a newsroom page (the list, the "new" form, the danger zone). */
export function TaxonomyPanel({ title, id, children, tone = "plain" }: { title: string; id: string; children: ReactNode; tone?: "plain" | "danger" }) {
  const border = tone === "danger" ? "border-red-700/60" : "border-neutral-300 dark:border-neutral-700";
  return (
    <section aria-labelledby={id} className={`mb-8 rounded-lg border ${border} bg-white p-4 sm:p-6 dark:bg-neutral-900`}>
      <h2 id={id} className="mb-4 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
