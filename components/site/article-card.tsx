import Link from "next/link";
import type { ArticleSummary } from "@/lib/dal/articles";
import { WORK_TYPE_LABELS } from "@/lib/validation/stories";
import { LEAD_STORY_ATTRIBUTE } from "./breaking-banner";
import { CardImage } from "./card-image";
import { TimeStamp } from "./time-stamp";

/**
 * lead: the front's top story, a large image (fetched first) or, without one, a big headline under a heavy rule.
 * secondary: the next stories; on a phone a row with a thumbnail, wider up an image above the headline.
 * standard: a section block's card, image above. compact: headline and time only (related stories).
 * row: a list entry, thumbnail on the right. river: the "latest" list, time first.
 */
export type CardVariant = "lead" | "secondary" | "standard" | "compact" | "row" | "river";

const HEADLINE: Record<CardVariant, { image: string; text: string }> = {
  lead: { image: "text-3xl sm:text-4xl lg:text-[2.625rem] font-bold tracking-tight", text: "text-4xl sm:text-5xl font-bold tracking-tight" },
  secondary: { image: "text-lg sm:text-xl font-bold", text: "text-xl sm:text-2xl font-bold" },
  standard: { image: "text-lg font-bold", text: "text-xl font-bold" },
  compact: { image: "text-base font-semibold", text: "text-base font-semibold" },
  row: { image: "text-lg sm:text-xl font-bold", text: "text-lg sm:text-xl font-bold" },
  river: { image: "text-base font-semibold", text: "text-base font-semibold" },
};

/** Where each variant's image sits in the page's 72rem column, for the browser to pick a rendition. */
const IMAGE_SIZES: Partial<Record<CardVariant, string>> = {
  lead: "(min-width: 1152px) 736px, (min-width: 1024px) 64vw, 100vw",
  secondary: "(min-width: 1152px) 352px, (min-width: 640px) 46vw, 112px",
  standard: "(min-width: 1152px) 264px, (min-width: 1024px) 23vw, (min-width: 640px) 46vw, 100vw",
  row: "(min-width: 640px) 192px, 112px",
};

/** Stories without an image get a heavy rule and a larger headline instead: a text card, not an empty box. */
const TEXT_CARD_RULE = "border-t-4 border-neutral-900 pt-3 dark:border-neutral-200";

function Kicker({ article, showSection, className = "" }: { article: ArticleSummary; showSection: boolean; className?: string }) {
  const section = showSection ? article.section : null;
  // The type of work, unless plain news: a reader must see an opinion or paid content for what it is before opening it.
  const kind = article.workType !== "NEWS" ? WORK_TYPE_LABELS[article.workType] : null;
  const parts = [
    article.breaking && <span key="breaking" className="text-breaking dark:text-red-400">Breaking</span>,
    kind && (
      <span key="kind" className={article.workType === "SPONSORED" ? "rounded-sm bg-amber-100 px-1 text-amber-950 dark:bg-amber-900 dark:text-amber-50" : article.workType === "OPINION" ? "text-sky-800 dark:text-sky-300" : "text-neutral-800 dark:text-neutral-200"}>
        {kind}
      </span>
    ),
    section && <span key="section" className="text-neutral-600 dark:text-neutral-400">{section.name}</span>,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className={`font-sans text-xs font-bold uppercase tracking-wider ${className}`}>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true" className="text-neutral-600 dark:text-neutral-400"> · </span>}
          {part}
        </span>
      ))}
    </p>
  );
}

/** A story on a front or in a list. The headline level follows the block it sits in, so heading order stays right. */
export function ArticleCard({
  article,
  timeZone,
  variant = "standard",
  headingLevel = 3,
  showSection = true,
  priority = false,
  imageSizes,
  wide = false,
}: {
  article: ArticleSummary;
  timeZone: string;
  variant?: CardVariant;
  headingLevel?: 2 | 3;
  showSection?: boolean;
  /** The page's first image: eager and fetched first. Every other card image loads lazily. */
  priority?: boolean;
  /** Overrides the variant's `sizes` where a layout places the card differently. */
  imageSizes?: string;
  /** The lead alone across the row. On wide screens its image keeps the lead's two columns (so the same `sizes`)
   *  and the words take the third; without an image the headline takes the two and the standfirst the third. */
  wide?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sizes = imageSizes ?? IMAGE_SIZES[variant];
  const image = sizes && article.hero ? article.hero : null;
  const headline = (
    <Heading className={`font-serif leading-tight ${variant === "lead" ? "text-balance" : "text-pretty"} ${image ? HEADLINE[variant].image : HEADLINE[variant].text}`}>
      {/* The headline's link covers the whole card (after:inset-0), so the image is clickable without a second link. */}
      <Link href={`/articles/${article.slug}`} className="after:absolute after:inset-0 hover:underline">
        {article.headline}
      </Link>
    </Heading>
  );
  const time = <TimeStamp date={article.publishedAt} timeZone={timeZone} relative />;
  const meta = "font-sans text-sm text-neutral-600 dark:text-neutral-400";
  const lead = variant === "lead" ? { [LEAD_STORY_ATTRIBUTE]: article.slug } : {};

  if (variant === "river") {
    return (
      <article className="relative">
        <p className="font-sans text-xs text-neutral-600 dark:text-neutral-400">
          <span className="font-bold text-neutral-900 dark:text-neutral-100">{time}</span>
          {article.breaking && <span className="ml-2 font-bold uppercase tracking-wider text-breaking dark:text-red-400">Breaking</span>}
          {showSection && article.section && <span className="ml-2 uppercase tracking-wider">{article.section.name}</span>}
        </p>
        <div className="mt-1">{headline}</div>
      </article>
    );
  }

  if (variant === "row") {
    return (
      <article className="relative grid grid-cols-[1fr_7rem] items-start gap-x-4 sm:grid-cols-[1fr_12rem] sm:gap-x-6">
        <div className={image ? "" : "col-span-2"}>
          <Kicker article={article} showSection={showSection} className="mb-1" />
          {headline}
          {article.standfirst && <p className="mt-2 hidden max-w-prose text-neutral-700 sm:block dark:text-neutral-300">{article.standfirst}</p>}
          <p className={`mt-2 ${meta}`}>{time}</p>
        </div>
        {image && <CardImage image={image} sizes={sizes!} priority={priority} />}
      </article>
    );
  }

  if (variant === "secondary") {
    return (
      <article className={`relative grid grid-cols-[1fr_7rem] items-start gap-x-3 sm:grid-cols-1 sm:gap-y-3 ${image ? "" : TEXT_CARD_RULE}`}>
        {image && <CardImage image={image} sizes={sizes!} priority={priority} className="col-start-2 row-start-1 sm:col-start-1" />}
        <div className={`row-start-1 ${image ? "col-start-1 sm:row-start-2" : "col-span-2 sm:col-span-1"}`}>
          <Kicker article={article} showSection={showSection} className="mb-1" />
          {headline}
          {article.standfirst && (
            <p className={`mt-2 text-neutral-700 dark:text-neutral-300 ${image ? "hidden sm:line-clamp-3" : "line-clamp-3"}`}>{article.standfirst}</p>
          )}
          <p className={`mt-2 ${meta}`}>{time}</p>
        </div>
      </article>
    );
  }

  const title = (
    <>
      <Kicker article={article} showSection={showSection} className="mb-1" />
      {headline}
    </>
  );
  const summary = (
    <>
      {variant !== "compact" && article.standfirst && (
        <p className={`mt-2 max-w-prose text-neutral-700 dark:text-neutral-300 ${variant === "lead" ? "text-lg sm:text-xl" : "line-clamp-4"}`}>{article.standfirst}</p>
      )}
      <p className={`mt-2 ${meta}`}>{time}</p>
    </>
  );
  if (wide && variant === "lead") {
    // With an image: the image over two columns, the words in the third. Without one: the headline over two
    // columns and the standfirst beside it, under the text card's heavy rule.
    return image ? (
      <article className="relative lg:grid lg:grid-cols-3 lg:items-center lg:gap-x-8" {...lead}>
        <CardImage image={image} sizes={sizes!} priority={priority} aspect="wide" className="mb-3 lg:col-span-2 lg:mb-0" />
        <div>
          {title}
          {summary}
        </div>
      </article>
    ) : (
      <article className={`relative ${TEXT_CARD_RULE} lg:grid lg:grid-cols-3 lg:gap-x-8`} {...lead}>
        <div className="lg:col-span-2">{title}</div>
        <div className="lg:border-l lg:border-neutral-200 lg:pl-8 lg:pt-5 dark:lg:border-neutral-800">{summary}</div>
      </article>
    );
  }
  return (
    <article className={`relative ${image ? "" : variant === "compact" ? "" : TEXT_CARD_RULE}`} {...lead}>
      {image && <CardImage image={image} sizes={sizes!} priority={priority} aspect={variant === "lead" ? "wide" : "photo"} className="mb-3" />}
      {title}
      {summary}
    </article>
  );
}
