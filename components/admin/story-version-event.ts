// A write made beside the editor (a correction or update note) gives the story a new version. The editor on the same
// page takes that version in through its own sync (the same path as a colleague's save seen by the heartbeat), so
// nothing typed is lost and its next save is not refused as a conflict. Before this the page reloaded.
const EVENT = "breakingon:story-version";

export function announceStoryVersion(id: string, version: number): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: { id, version } }));
}

/** Calls `take` with each new version announced for story `id`; returns the unsubscribe function. */
export function onStoryVersion(id: string, take: (version: number) => void): () => void {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<{ id: string; version: number }>).detail;
    if (detail?.id === id && Number.isInteger(detail.version)) take(detail.version);
  };
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
