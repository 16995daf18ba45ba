import Link from "next/link";
import type { ArticleSummary } from "@/lib/dal/articles";
import { TimeStamp } from "./time-stamp";

type Variant = "lead" | "standard" | "compact";

const HEADLINE: Record<Variant, string> = {
  lead: "text-3xl sm:text-4xl font-bold",
  standard: "text-xl font-bold",
  compact: "text-base font-semibold",
};

/** A story in a list. The headline level follows the block it sits in, so heading order stays correct. */
export function ArticleCard({
  article,
  timeZone,
  variant = "standard",
  headingLevel = 3,
  showSection = true,
}: {
  article: ArticleSummary;
  timeZone: string;
  variant?: Variant;
  headingLevel?: 2 | 3;
  showSection?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article>
      {showSection && article.section && (
        <p className="text-xs font-bold uppercase tracking-wider text-neutral-600 dark:text-neutral-400">{article.section.name}</p>
      )}
      <Heading className={`mt-1 font-serif leading-tight ${HEADLINE[variant]}`}>
        <Link href={`/articles/${article.slug}`} className="hover:underline">
          {article.headline}
        </Link>
      </Heading>
      {variant !== "compact" && article.standfirst && (
        <p className={`mt-2 max-w-prose text-neutral-700 dark:text-neutral-300 ${variant === "lead" ? "text-lg" : ""}`}>
          {article.standfirst}
        </p>
      )}
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        <TimeStamp date={article.publishedAt} timeZone={timeZone} />
      </p>
    </article>
  );
}
