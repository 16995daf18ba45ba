"use client";
import { useEffect, useState } from "react";
import { SaveQueue, type SaveMode, type SaveOutcome, type SaveState } from "./save-queue";

interface Options<T> {
  read: () => T;
  send: (snapshot: T, mode: SaveMode) => Promise<SaveOutcome>;
  autosave: boolean;
  autosaveDelayMs: number;
  initial: SaveState;
  /** Start with unsaved changes. */
  dirty?: boolean;
}

/** The editor's save queue as React state; the queue itself lives as long as the component. */
export function useSaveQueue<T>({ read, send, autosave, autosaveDelayMs, initial, dirty = false }: Options<T>) {
  const [state, setState] = useState<SaveState>(initial);
  const [queue] = useState(() => new SaveQueue<T>({ read, send, onState: setState, autosave, autosaveDelayMs }, initial, dirty));
  useEffect(() => {
    queue.configure({ read, send, autosave });
  }, [queue, read, send, autosave]);
  useEffect(() => () => queue.dispose(), [queue]);
  return { state, queue };
}
