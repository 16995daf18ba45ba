import Link from "@/components/admin/newsroom-link";
import { inputClass } from "@/components/ui/field";
import { STATUSES } from "@/lib/auth/permissions";
import type { FilterOption } from "@/lib/dal/story-list";
import { statusParam, STORY_SORTS, type StoryListParams, type StorySort } from "@/lib/validation/story-list";
import { STATUS_LABEL } from "./status-badge";
import { primaryActionClass, secondaryActionClass } from "./story-links";

const SORT_LABEL: Record<StorySort, string> = {
  "updated-desc": "Recently updated",
  "updated-asc": "Least recently updated",
  "published-desc": "Recently published",
  "headline-asc": "Headline A–Z",
  "scheduled-asc": "Next scheduled",
};

/** Keeps a filter visible even when its slug no longer names anything (a deleted section in a bookmarked URL). */
function withCurrent(options: FilterOption[], current: string | undefined): FilterOption[] {
  return current && !options.some((o) => o.slug === current) ? [...options, { slug: current, name: `${current} (not found)` }] : options;
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The story list's filters: a plain GET form, so every filter lives in the URL and works without JavaScript.
 * Submitting starts again at page 1 (the form carries no page).
 */
export function StoryFilters({
  params,
  sections,
  bylines,
  showMine,
}: {
  params: StoryListParams;
  sections: FilterOption[];
  bylines: FilterOption[];
  showMine: boolean;
}) {
  return (
    <form method="get" action="/admin/stories" role="search" aria-label="Filter stories" className="mb-6 rounded-lg border border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="filter-q" className="block text-sm font-semibold">
            Search
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={params.q} maxLength={200} placeholder="Headline, standfirst or slug" className={inputClass} />
        </div>
        <Select
          name="status"
          label="Status"
          value={params.status === "all" ? "all" : statusParam(params.status)}
          options={[{ value: "all", label: "All statuses" }, ...STATUSES.map((s) => ({ value: statusParam(s), label: STATUS_LABEL[s] }))]}
        />
        <Select
          name="section"
          label="Section"
          value={params.section ?? ""}
          options={[{ value: "", label: "All sections" }, ...withCurrent(sections, params.section).map((s) => ({ value: s.slug, label: s.name }))]}
        />
        <Select
          name="byline"
          label="Byline"
          value={params.byline ?? ""}
          options={[{ value: "", label: "All bylines" }, ...withCurrent(bylines, params.byline).map((b) => ({ value: b.slug, label: b.name }))]}
        />
        <Select name="sort" label="Sort by" value={params.sort} options={STORY_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }))} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {showMine && (
          <label className="mr-auto inline-flex min-h-10 items-center gap-2 text-sm font-semibold">
            <input type="checkbox" name="mine" value="1" defaultChecked={params.mine} className="size-4" />
            Only stories I created
          </label>
        )}
        <div className="ml-auto flex gap-3">
          <Link href="/admin/stories" className={secondaryActionClass}>
            Clear filters
          </Link>
          <button type="submit" className={primaryActionClass}>
            Apply filters
          </button>
        </div>
      </div>
    </form>
  );
}
