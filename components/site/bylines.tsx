import Link from "next/link";
import type { LinkRef } from "@/lib/dal/articles";

export function Bylines({ bylines, linked = true }: { bylines: LinkRef[]; linked?: boolean }) {
  if (bylines.length === 0) return null;
  return (
    <span className="font-semibold text-neutral-900 dark:text-neutral-100">
      By{" "}
      {bylines.map((byline, i) => (
        <span key={byline.slug}>
          {i > 0 && (i === bylines.length - 1 ? " and " : ", ")}
          {linked ? (
            <Link href={`/authors/${byline.slug}`} className="underline-offset-4 hover:underline">
              {byline.name}
            </Link>
          ) : (
            byline.name
          )}
        </span>
      ))}
    </span>
  );
}
