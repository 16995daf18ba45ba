"use client";

import { useSyncExternalStore } from "react";
import { relativeWords } from "./relative-words";

// One clock for every TimeAgo on the page: a single timer, started by the first one mounted, ticking each minute.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onTick: () => void) {
  listeners.add(onTick);
  timer ??= setInterval(() => listeners.forEach((listener) => listener()), 60_000);
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const currentMinute = () => Math.floor(Date.now() / 60_000);

/**
 * The text inside a card's <time>: the server's absolute wording until hydration (so the cached HTML never has to
 * be re-rendered to stay true), then "12 min ago" on the reader's clock, kept current each minute; the date
 * (`dateLabel`, worded by the server) once the story's day on the site's clock (`dayEnd`) is over.
 */
export function TimeAgo({ at, dayEnd, dateLabel, serverLabel }: { at: number; dayEnd: number; dateLabel: string; serverLabel: string }) {
  const minute = useSyncExternalStore(subscribe, currentMinute, () => null);
  if (minute === null) return serverLabel;
  // Reading the clock is the point: the store re-renders this each minute, and the words count from this instant.
  // eslint-disable-next-line react-hooks/purity
  return relativeWords(at, Date.now(), dayEnd) ?? dateLabel;
}
