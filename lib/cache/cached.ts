import "server-only";
import { unstable_cache } from "next/cache";
import superjson, { type SuperJSONResult } from "superjson";

/** Carries a null result out of unstable_cache: a thrown value is not cached. */
class Uncached extends Error {
  override name = "Uncached";
}

/**
 * Caches a reader query in Next.js's data cache under tags, until a write invalidates one of them
 * (lib/cache/invalidate.ts). Next's cache stores JSON, so values pass through superjson to keep Dates as Dates.
 * Tags may depend on the arguments (e.g. the article's slug). A null or undefined result ("no such story") is not
 * cached: requests for random slugs must not fill the cache, and a story that appears later needs no expiry to show.
 */
export function cachedQuery<Args extends unknown[], Result>(
  name: string,
  query: (...args: Args) => Promise<Result>,
  tags: (args: NoInfer<Args>) => string[],
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    let missing: { value: Result } | null = null;
    const load = unstable_cache(
      async (): Promise<SuperJSONResult> => {
        const value = await query(...args);
        if (value === null || value === undefined) {
          missing = { value };
          throw new Uncached(name);
        }
        return superjson.serialize(value);
      },
      [name, JSON.stringify(args)],
      { tags: tags(args) },
    );
    try {
      return superjson.deserialize<Result>(await load());
    } catch (error) {
      if (error instanceof Uncached && missing) return (missing as { value: Result }).value;
      throw error;
    }
  };
}
