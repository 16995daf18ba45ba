import "server-only";
import { unstable_cache } from "next/cache";
import superjson, { type SuperJSONResult } from "superjson";

/**
 * Caches a reader query in Next.js's data cache under tags, until a write invalidates one of them
 * (lib/cache/invalidate.ts). Next's cache stores JSON, so values pass through superjson to keep Dates as Dates.
 * Tags may depend on the arguments (e.g. the article's slug).
 */
export function cachedQuery<Args extends unknown[], Result>(
  name: string,
  query: (...args: Args) => Promise<Result>,
  tags: (args: NoInfer<Args>) => string[],
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    const load = unstable_cache(async (): Promise<SuperJSONResult> => superjson.serialize(await query(...args)), [name, JSON.stringify(args)], {
      tags: tags(args),
    });
    return superjson.deserialize<Result>(await load());
  };
}
