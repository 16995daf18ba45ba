import { cacheLife, cacheTag } from "next/cache";
import { TAGS } from "./tags";

/**
 * Inside a `"use cache"` function: keep the result for the reader profile (next.config.ts; writes expire it long
 * before) under these tags. A page carries the tags of every cached result it rendered, so it is expired with them.
 */
export function keepFor(...tags: string[]): void {
  cacheLife("reader");
  if (tags.length > 0) cacheTag(...tags);
}

/** The tags of the stories a result shows: editing one of them expires the result and the pages showing it. */
export function storyTags(items: Iterable<{ id: string } | null | undefined>): string[] {
  const ids = new Set<string>();
  for (const item of items) if (item) ids.add(item.id);
  return [...ids].map(TAGS.story);
}
