"use client";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";

interface Updates {
  open: boolean;
  latest: { id: string; at: string }[];
  stamp: string;
}

interface Props {
  articleId: string;
  /** What the page shows: its stamp, its newest entries' ids and the newest time, and whether it is open. */
  stamp: string;
  knownIds: string[];
  newestAt: string | null;
  open: boolean;
  intervalMs: number;
}

/**
 * Asks the cached live endpoint (app/live/[id]) for new entries every `intervalMs` while the tab is visible, and says
 * "3 new updates" instead of moving the page; a click brings them in (the page's cached render, refreshed in place).
 * Edits, deletions and the end of the coverage come in by themselves.
 */
export function LiveUpdatesNotice({ articleId, stamp, knownIds, newestAt, open, intervalMs }: Props) {
  const router = useRouter();
  const [latest, setLatest] = useState<Updates | null>(null);
  const [pending, startTransition] = useTransition();
  const refreshedFor = useRef<string | null>(null);
  const wantsScroll = useRef(false);

  const known = new Set(knownIds);
  const fresh = latest && latest.stamp !== stamp ? latest.latest.filter((entry) => !known.has(entry.id) && (!newestAt || entry.at >= newestAt)) : [];
  const count = fresh.length;

  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);

  const poll = useCallback(async () => {
    try {
      const response = await fetch(`/live/${encodeURIComponent(articleId)}`, { cache: "no-store", headers: { Accept: "application/json" } });
      if (response.ok) setLatest((await response.json()) as Updates);
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  }, [articleId]);

  useEffect(() => {
    if (!open) return;
    let timer: ReturnType<typeof setInterval> | null = null;
    const start = () => {
      if (timer || document.visibilityState !== "visible") return;
      timer = setInterval(poll, intervalMs);
    };
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        void poll();
        start();
      } else {
        stop();
      }
    };
    start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [open, intervalMs, poll]);

  // Changes that add nothing new (an edit, a deletion, the coverage ending) are brought in once, without asking.
  useEffect(() => {
    if (!latest) return;
    const ended = open && !latest.open;
    const key = `${latest.stamp}|${latest.open}`;
    if ((latest.stamp === stamp && !ended) || refreshedFor.current === key) return;
    if (count === 0 || ended) {
      refreshedFor.current = key;
      refresh();
    }
  }, [latest, stamp, open, count, refresh]);

  // After "N new updates" was clicked and the page has them: show the top of the river.
  useEffect(() => {
    if (!wantsScroll.current) return;
    wantsScroll.current = false;
    document.getElementById("live-river")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [stamp]);

  return (
    <div aria-live="polite" className="sticky top-2 z-10 flex justify-center print:hidden">
      {count > 0 && (
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            wantsScroll.current = true;
            refresh();
          }}
          className="rounded-full bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-70 dark:bg-red-600"
        >
          {pending ? "Loading…" : `${count} new ${count === 1 ? "update" : "updates"}`}
        </button>
      )}
    </div>
  );
}
