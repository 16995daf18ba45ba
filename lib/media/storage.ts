// Where uploaded images live: a small interface with one implementation, local disk under STORAGE_DIR. Another
// backend (an object store) would implement the same four calls.
import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";
import { isRenditionFile, isStorageKey } from "./variants";

export interface StoredObject {
  stream: ReadableStream<Uint8Array>;
  size: number;
}

/** Objects are named `<storageKey>/<file>`; both parts are validated before anything is read or written. */
export interface MediaStorage {
  put(objectKey: string, data: Uint8Array): Promise<void>;
  get(objectKey: string): Promise<Buffer | null>;
  open(objectKey: string): Promise<StoredObject | null>;
  delete(objectKey: string): Promise<void>;
}

export class InvalidObjectKeyError extends Error {
  override name = "InvalidObjectKeyError";
  constructor() {
    super("Invalid media object key.");
  }
}

/** A new unguessable storage key: 128 random bits, 22 base64url characters. */
export function newStorageKey(): string {
  return randomBytes(16).toString("base64url");
}

/** Whether an object key is `<storageKey>/<rendition file>` and nothing else (no dots to climb, no separators). */
export function isObjectKey(objectKey: string): boolean {
  const parts = objectKey.split("/");
  return parts.length === 2 && isStorageKey(parts[0]) && isRenditionFile(parts[1]);
}

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

export class LocalDiskStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file for an object: sharded by the key's first two characters so no directory grows huge. */
  private fileFor(objectKey: string): string {
    if (!isObjectKey(objectKey)) throw new InvalidObjectKeyError();
    const [key, file] = objectKey.split("/");
    const full = path.resolve(this.root, key.slice(0, 2), key, file);
    // Belt and braces: the pattern above already rules out anything that could leave the root.
    if (!full.startsWith(this.root + path.sep)) throw new InvalidObjectKeyError();
    return full;
  }

  async put(objectKey: string, data: Uint8Array): Promise<void> {
    const file = this.fileFor(objectKey);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${file}.${randomBytes(6).toString("hex")}.partial`;
    try {
      await writeFile(temporary, data, { flag: "wx" });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(objectKey: string): Promise<Buffer | null> {
    try {
      return await readFile(this.fileFor(objectKey));
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async open(objectKey: string): Promise<StoredObject | null> {
    const file = this.fileFor(objectKey);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: info.size };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async delete(objectKey: string): Promise<void> {
    const file = this.fileFor(objectKey);
    await rm(file, { force: true });
    // Tidy the image's folder and its shard once they are empty; a non-empty folder simply stays.
    for (const dir of [path.dirname(file), path.dirname(path.dirname(file))]) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
    }
  }
}

let storage: MediaStorage | undefined;

/** The configured storage (local disk under STORAGE_DIR). */
export function getMediaStorage(): MediaStorage {
  storage ??= new LocalDiskStorage(env.STORAGE_DIR);
  return storage;
}
