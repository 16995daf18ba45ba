import Link from "@/components/admin/newsroom-link";
import type { ReactNode } from "react";

/** A titled block on the dashboard, with an optional "see all" link and a line to show when it is empty. */
export function DashboardPanel({
  id,
  title,
  more,
  empty,
  isEmpty,
  children,
}: {
  id: string;
  title: string;
  more?: { href: string; label: string };
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-bold">
          {title}
        </h2>
        {more && (
          <Link href={more.href} className="text-sm font-medium underline underline-offset-4">
            {more.label}
          </Link>
        )}
      </div>
      {isEmpty ? <p className="text-sm text-neutral-600 dark:text-neutral-400">{empty}</p> : children}
    </section>
  );
}
