// The media half of a backup: every stored file of every image the database snapshot knows, read and written through
// the storage abstraction (lib/media), so local disk and an S3-compatible bucket are handled alike. Files are never
// changed once written (a new upload gets a new key), so copying them after the snapshot gives exactly the
// snapshot's images; one deleted in between is listed as missing in the manifest.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { CROPS, DEFAULT_RENDITIONS, parseVariants, storedFiles } from "@/lib/media/variants";
import { isObjectKey, type MediaStorage } from "@/lib/media/object-store";
import { BackupError } from "./manifest";

const CROP_FILES = new Set<string>(CROPS.map((crop) => crop.file));

/** The objects of each image: the recorded renditions must be there; crops (cut on first request) may not be. */
export function mediaObjects(media: { storageKey: string; variants: unknown }[]): { objectKey: string; optional: boolean }[] {
  return media.flatMap(({ storageKey, variants }) => {
    const parsed = parseVariants(variants);
    // An image recorded before renditions were: one default file, .jpg or .png.
    const keys = parsed ? storedFiles(storageKey, parsed) : DEFAULT_RENDITIONS.map((file) => `${storageKey}/${file}`);
    return keys.filter(isObjectKey).map((objectKey) => ({ objectKey, optional: !parsed || CROP_FILES.has(objectKey.split("/")[1]) }));
  });
}

/** Copies the objects out of the store, handing each one's bytes to `save`; returns the required ones not found. */
export async function copyMediaOut(storage: MediaStorage, objects: { objectKey: string; optional: boolean }[], save: (objectKey: string, data: Buffer) => Promise<void>): Promise<string[]> {
  const missing: string[] = [];
  const foundDefault = new Set<string>();
  for (const { objectKey, optional } of objects) {
    const data = await storage.get(objectKey);
    if (data) {
      await save(objectKey, data);
      foundDefault.add(objectKey.split("/")[0]);
    } else if (!optional) missing.push(objectKey);
  }
  // An old image needs one of its two possible default files.
  for (const { objectKey } of objects.filter((o) => o.optional && DEFAULT_RENDITIONS.some((f) => o.objectKey.endsWith(`/${f}`)))) {
    const key = objectKey.split("/")[0];
    if (!foundDefault.has(key) && objectKey.endsWith(DEFAULT_RENDITIONS[0])) missing.push(objectKey);
  }
  return missing;
}

async function anyFile(dir: string): Promise<string | null> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const file = entries.find((entry) => entry.isFile());
  return file ? path.join(file.parentPath, file.name) : null;
}

/**
 * What a restore would overwrite in the store, or null when it is empty: on local disk any file under its folder; in
 * a bucket (which the storage abstraction cannot list) any of the backup's own objects already there.
 */
export async function storageTargetContents(storage: MediaStorage, objectKeys: string[], localRoot: string | null): Promise<string | null> {
  if (localRoot) {
    const file = await anyFile(localRoot);
    return file ? `the media folder ${localRoot} is not empty (${path.relative(localRoot, file)})` : null;
  }
  for (const objectKey of objectKeys) {
    if (await storage.get(objectKey)) return `the media bucket already holds ${objectKey}`;
  }
  return null;
}

/** Writes each unpacked file (under `dir`, named by object key) into the store. */
export async function copyMediaIn(storage: MediaStorage, dir: string, objectKeys: string[]): Promise<void> {
  for (const objectKey of objectKeys) {
    if (!isObjectKey(objectKey)) throw new BackupError(`refusing to restore a media file with a bad name (${objectKey.slice(0, 80)})`);
    await storage.put(objectKey, await readFile(path.join(dir, objectKey)));
  }
}
