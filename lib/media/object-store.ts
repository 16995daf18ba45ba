// What every media store (local disk, S3-compatible object store) promises, and the errors callers can tell apart.
// Kept apart from storage.ts so each implementation can import it without importing the others.
import { isRenditionFile, isStorageKey } from "./variants";

export interface StoredObject {
  stream: ReadableStream<Uint8Array>;
  size: number;
}

/** Objects are named `<storageKey>/<file>`; both parts are validated before anything is read or written. */
export interface MediaStorage {
  put(objectKey: string, data: Uint8Array): Promise<void>;
  /** The object's bytes, or null when there is no such object. Any other failure throws. */
  get(objectKey: string): Promise<Buffer | null>;
  /**
   * A stream of the object and its size, or null when there is no such object. Any other failure throws. `signal`
   * gives up waiting (the reader went away).
   */
  open(objectKey: string, options?: { signal?: AbortSignal }): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(objectKey: string): Promise<void>;
}

export class InvalidObjectKeyError extends Error {
  override name = "InvalidObjectKeyError";
  constructor() {
    super("Invalid media object key.");
  }
}

/** The store could not be reached or refused us (down, too slow, wrong credentials): not the caller's fault. */
export class StorageUnavailableError extends Error {
  override name = "StorageUnavailableError";
}

/** Whether an object key is `<storageKey>/<rendition file>` and nothing else (no dots to climb, no separators). */
export function isObjectKey(objectKey: string): boolean {
  const parts = objectKey.split("/");
  return parts.length === 2 && isStorageKey(parts[0]) && isRenditionFile(parts[1]);
}

export function assertObjectKey(objectKey: string): void {
  if (!isObjectKey(objectKey)) throw new InvalidObjectKeyError();
}
