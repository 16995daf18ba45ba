import Link from "@/components/admin/newsroom-link";

export const NEW_STORY_HREF = "/admin/stories/new";

/** The story editor's address. */
export function storyEditorHref(id: string): string {
  return `/admin/stories/${encodeURIComponent(id)}`;
}

// Server components cannot call buttonClass (components/ui/button.tsx is a client module), so links styled as
// buttons (and the GET form's plain submit button) carry their own classes.
export const primaryActionClass =
  "inline-flex min-h-10 items-center justify-center gap-2 rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300";
export const secondaryActionClass =
  "inline-flex min-h-10 items-center justify-center gap-2 rounded border border-neutral-400 px-4 py-2 text-sm font-semibold hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800";

export function NewStoryLink() {
  return (
    <Link href={NEW_STORY_HREF} className={primaryActionClass}>
      <span aria-hidden="true">+</span> New story
    </Link>
  );
}
