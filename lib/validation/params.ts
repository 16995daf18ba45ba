import { z } from "zod";

const MAX_PAGE = 10_000;

const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,4}$/)
  .transform(Number)
  .refine((n) => n <= MAX_PAGE);

/**
 * A `?page=` value as a page number: absent means 1; anything that is not a plain positive integer ("-1", "abc",
 * "1e9", "0", "2.5", repeated params) is null, which pages answer with a 404.
 */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  const result = pageParam.safeParse(value);
  return result.success ? result.data : null;
}
