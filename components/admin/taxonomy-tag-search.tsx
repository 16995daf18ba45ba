import Link from "@/components/admin/newsroom-link";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";

/** Searches the tag list by name or slug (a plain GET form: the result has its own URL). */
export function TaxonomyTagSearch({ q }: { q: string }) {
  return (
    <form role="search" action="/admin/tags" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor="tag-search" className="block text-sm font-semibold">
          Search tags
        </label>
        <input id="tag-search" name="q" type="search" defaultValue={q} maxLength={100} className={inputClass} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Search
      </button>
      {q && (
        <Link href="/admin/tags" className={buttonClass("secondary")}>
          Clear
        </Link>
      )}
    </form>
  );
}
