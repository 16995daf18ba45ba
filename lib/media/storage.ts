// Where uploaded images live: local disk under STORAGE_DIR (one server), or an S3-compatible object store when
// S3_BUCKET is set (several instances share it). Both implement the four calls in object-store.ts.
import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";
import type { Env } from "@/lib/env-schema";
import { InvalidObjectKeyError, isObjectKey, type MediaStorage, type StoredObject } from "./object-store";
import { S3Storage } from "./s3-storage";

export { InvalidObjectKeyError, StorageUnavailableError, isObjectKey, type MediaStorage, type StoredObject } from "./object-store";

/** A new unguessable storage key: 128 random bits, 22 base64url characters. */
export function newStorageKey(): string {
  return randomBytes(16).toString("base64url");
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

/** The object store when S3_BUCKET is set, else local disk under STORAGE_DIR. */
export function storageFromEnv(config: Env): MediaStorage {
  if (!config.S3_BUCKET) return new LocalDiskStorage(config.STORAGE_DIR);
  return new S3Storage({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

let storage: MediaStorage | undefined;

/** The configured storage, made once per process (the object store keeps its connections alive between calls). */
export function getMediaStorage(): MediaStorage {
  storage ??= storageFromEnv(env);
  return storage;
}
