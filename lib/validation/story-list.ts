import { z } from "zod";
import { STATUSES, type Status } from "@/lib/auth/permissions";
import { cleanQueryText } from "@/lib/search/query";

export const STORY_SORTS = ["updated-desc", "updated-asc", "published-desc", "headline-asc", "scheduled-asc"] as const;
export type StorySort = (typeof STORY_SORTS)[number];
export type StatusFilter = Status | "all";

export const MAX_STORY_PAGE = 10_000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The URL spelling of a status: "in-review" for IN_REVIEW. */
export function statusParam(status: Status): string {
  return status.toLowerCase().replace("_", "-");
}

const slugParam = z.preprocess(firstValue, z.string().trim().toLowerCase().max(120).regex(SLUG)).optional().catch(undefined);

/**
 * The story list's URL: ?status=&section=&byline=&mine=1&q=&sort=&page=. Filters live in the URL so a plain GET
 * form drives them and lists can be linked to. Like reader search, nonsense (an unknown status, a malformed slug,
 * page "abc", a repeated parameter) means the default rather than an error page: these URLs are typed and shared.
 * A page past the end is the page's to explain (only the data layer knows the total).
 */
export const storyListParams = z.object({
  status: z
    .preprocess(
      (value) => {
        const raw = firstValue(value);
        return typeof raw === "string" ? raw.trim().toUpperCase().replace(/-/g, "_") : raw;
      },
      z.enum([...STATUSES, "ALL"]),
    )
    .transform((value): StatusFilter => (value === "ALL" ? "all" : value))
    .catch("all"),
  section: slugParam,
  byline: slugParam,
  mine: z.preprocess(firstValue, z.literal("1")).transform(() => true).catch(false),
  q: z.preprocess(firstValue, z.string()).catch("").transform(cleanQueryText),
  sort: z.preprocess(firstValue, z.enum(STORY_SORTS)).catch("updated-desc"),
  page: z
    .preprocess(firstValue, z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1).max(MAX_STORY_PAGE)))
    .catch(1),
});

export type StoryListParams = z.infer<typeof storyListParams>;

export const DEFAULT_STORY_LIST: StoryListParams = storyListParams.parse({});

/** The query parameters for a list, leaving out defaults so each list has one short canonical URL (page 1 has no ?page=). */
export function storyListSearch(params: Partial<StoryListParams>): Record<string, string> {
  const search: Record<string, string> = {};
  if (params.status && params.status !== "all") search.status = statusParam(params.status);
  if (params.section) search.section = params.section;
  if (params.byline) search.byline = params.byline;
  if (params.mine) search.mine = "1";
  if (params.q) search.q = params.q;
  if (params.sort && params.sort !== DEFAULT_STORY_LIST.sort) search.sort = params.sort;
  if (params.page && params.page > 1) search.page = String(params.page);
  return search;
}

export function storyListHref(params: Partial<StoryListParams> = {}): string {
  const query = new URLSearchParams(storyListSearch(params)).toString();
  return query ? `/admin/stories?${query}` : "/admin/stories";
}

/** Whether any filter narrows the list (sort and page do not). */
export function isFiltered(params: StoryListParams): boolean {
  return params.status !== "all" || !!params.section || !!params.byline || params.mine || params.q !== "";
}
