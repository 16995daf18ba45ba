import { z } from "zod";
import { cleanQueryText } from "./query";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The search page's ?q= and ?page=; a repeated parameter counts once. A page that is not a whole number from 1
 * ("0", "-1", "abc", "1e9", "2.5") means page 1 instead of a 404, as does a missing one: readers type and share
 * search URLs, so the page answers them. Pages past the end are the data layer's to clamp (it knows the total).
 */
export const searchPageParams = z.object({
  q: z.preprocess(firstValue, z.string()).catch("").transform(cleanQueryText),
  page: z
    .preprocess(firstValue, z.string().regex(/^\d{1,9}$/).transform(Number))
    .catch(1)
    .transform((page) => Math.max(page, 1)),
});

export type SearchPageParams = z.infer<typeof searchPageParams>;
