"use client";

import { useSyncExternalStore } from "react";
import { cardTimeLabel } from "./relative-time";

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
 * be re-rendered to stay true), then "12 min ago" on the reader's clock, kept current each minute.
 */
export function TimeAgo({ at, timeZone, serverLabel }: { at: number; timeZone: string; serverLabel: string }) {
  const minute = useSyncExternalStore(subscribe, currentMinute, () => null);
  return minute === null ? serverLabel : cardTimeLabel(new Date(at), new Date(), timeZone);
}
