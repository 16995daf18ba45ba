// Vitest stand-in for `next/cache` (see vitest.config.ts): outside a Next.js server there is no cache, so cached
// queries run directly and invalidations are recorded for tests to inspect.
export const revalidatedTags: { tag: string; profile: unknown }[] = [];

export function unstable_cache<T extends (...args: never[]) => Promise<unknown>>(fn: T): T {
  return fn;
}

export function revalidateTag(tag: string, profile: unknown): void {
  revalidatedTags.push({ tag, profile });
}
