"use client";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { listEditorImagesAction } from "@/lib/actions/media/list-editor-images";
import type { EditorImage } from "@/lib/dal/media";

export type LibraryImage = EditorImage;

// One list per page, shared by every picker on it (the body's image dialog, the hero list), so an image uploaded in
// one shows in the others at once. Seeded from the server-rendered list; refreshed from the library on demand.
let images: LibraryImage[] | null = null;
let refreshing: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: LibraryImage[]) {
  images = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds (or replaces) an image in the shared list, newest first: an upload shows before the library answers. */
export function addLibraryImage(image: LibraryImage) {
  publish([image, ...(images ?? []).filter((i) => i.id !== image.id)]);
}

/** Changes one image's defaults in the shared list (after "also save to library"). */
export function replaceLibraryImage(image: LibraryImage) {
  publish((images ?? []).map((i) => (i.id === image.id ? image : i)));
}

/** Reads the library again; concurrent calls share one request. Keeps the current list if the request fails. */
export function refreshLibraryImages(): Promise<void> {
  refreshing ??= listEditorImagesAction()
    .then((result) => {
      if (result?.ok && result.data) publish(result.data);
    })
    .catch(() => undefined)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const EMPTY: LibraryImage[] = [];

/**
 * The media library's images for the editor: the list the page was rendered with, plus anything uploaded since
 * (here or anywhere else: `refresh` reads the library again, e.g. when a picker opens).
 */
export function useMediaLibrary(initial: LibraryImage[] = EMPTY): { images: LibraryImage[]; refresh: () => Promise<void>; add: (image: LibraryImage) => void } {
  useEffect(() => {
    if (images === null) publish(initial);
  }, [initial]);
  const current = useSyncExternalStore(subscribe, () => images ?? initial, () => initial);
  const refresh = useCallback(() => refreshLibraryImages(), []);
  return { images: current, refresh, add: addLibraryImage };
}
