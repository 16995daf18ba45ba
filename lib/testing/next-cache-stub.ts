// Vitest stand-in for `next/cache` (see vitest.config.ts): outside a Next.js server there is no cache, so `"use cache"`
// functions run directly, and the tags they would carry and the invalidations writes make are recorded for tests.
export const revalidatedTags: { tag: string; profile: unknown }[] = [];
/** Every tag a cached function declared with cacheTag(), in call order. */
export const declaredTags: string[] = [];

export function unstable_cache<T extends (...args: never[]) => Promise<unknown>>(fn: T): T {
  return fn;
}

export function revalidateTag(tag: string, profile: unknown): void {
  revalidatedTags.push({ tag, profile });
}

// No server action here: like Next outside an action, updateTag refuses and callers fall back to revalidateTag.
export function updateTag(): void {
  throw new Error("updateTag can only be called from within a Server Action.");
}

export function cacheTag(...tags: string[]): void {
  declaredTags.push(...tags);
}

export function cacheLife(): void {}
