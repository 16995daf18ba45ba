"use client";
import { Children, useEffect, useState, type ReactNode } from "react";

type Order = "newest" | "oldest";
const STORAGE_KEY = "breakingon:live-order";

/**
 * The entries, newest first; a reader may switch to oldest first (remembered in this browser). The entries are
 * rendered on the server and cached with the page: this leaf only puts them in the chosen order.
 */
export function LiveRiver({ children }: { children: ReactNode }) {
  const [order, setOrder] = useState<Order>("newest");
  useEffect(() => {
    // Read after hydration: the cached page is the same for everyone, so the server always renders newest first.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (window.localStorage.getItem(STORAGE_KEY) === "oldest") setOrder("oldest");
  }, []);
  const choose = (next: Order) => {
    setOrder(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  const entries = Children.toArray(children);
  return (
    <section aria-labelledby="live-river-heading" id="live-river" className="mt-8 scroll-mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-neutral-900 pb-2 dark:border-neutral-300">
        <h2 id="live-river-heading" className="text-xs font-black tracking-widest uppercase">
          Latest updates
        </h2>
        <div role="group" aria-label="Order of updates" className="flex text-sm">
          {(["newest", "oldest"] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={order === value}
              onClick={() => choose(value)}
              className="border border-neutral-400 px-3 py-1 first:rounded-l last:rounded-r aria-pressed:bg-neutral-900 aria-pressed:text-white dark:border-neutral-600 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-950"
            >
              {value === "newest" ? "Newest first" : "Oldest first"}
            </button>
          ))}
        </div>
      </div>
      {entries.length === 0 ? <p className="py-6 text-neutral-600 dark:text-neutral-400">No updates yet.</p> : <div data-order={order}>{order === "newest" ? entries : [...entries].reverse()}</div>}
    </section>
  );
}
