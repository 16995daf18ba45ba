import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { startS3Server, type S3TestServer } from "@/lib/testing/s3-server";
import { S3Storage } from "./s3-storage";
import { InvalidObjectKeyError, LocalDiskStorage, isObjectKey, newStorageKey, storageFromEnv, type MediaStorage } from "./storage";
import { renditionCandidates, responsiveSrcSet, thumbnailUrl, type MediaVariants } from "./variants";

const root = mkdtempSync(path.join(tmpdir(), "breakingon-storage-"));
let s3: S3TestServer;
let s3Storage: S3Storage;

beforeAll(async () => {
  s3 = await startS3Server();
  // Few connections, so a stream that kept its socket after being cancelled would soon block the next call.
  s3Storage = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, maxSockets: 2 });
});
afterAll(async () => {
  s3Storage?.close();
  await s3?.stop();
  rmSync(root, { recursive: true, force: true });
});

const text = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

// One contract, every implementation: what the upload pipeline, the media route and deletes rely on.
describe.each<[string, () => MediaStorage]>([
  ["LocalDiskStorage", () => new LocalDiskStorage(root)],
  ["S3Storage", () => s3Storage],
])("%s", (_name, storage) => {
  it("stores, reads, streams and deletes objects; missing ones are null and deleting twice is fine", async () => {
    const key = newStorageKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newStorageKey()).not.toBe(key);
    await storage().put(`${key}/default.jpg`, Buffer.from("image bytes"));
    await storage().put(`${key}/w320.webp`, Buffer.from("small"));
    expect((await storage().get(`${key}/default.jpg`))?.toString()).toBe("image bytes");
    const opened = await storage().open(`${key}/w320.webp`);
    expect(opened?.size).toBe(5);
    expect((await text(opened!.stream)).toString()).toBe("small");
    expect(await storage().get(`${key}/social.jpg`)).toBeNull();
    expect(await storage().open(`${key}/social.jpg`)).toBeNull();
    expect(await storage().open(`${newStorageKey()}/default.jpg`)).toBeNull();
    await storage().delete(`${key}/default.jpg`);
    await storage().delete(`${key}/w320.webp`);
    await storage().delete(`${key}/w320.webp`);
    expect(await storage().get(`${key}/default.jpg`)).toBeNull();
    expect(await storage().open(`${key}/w320.webp`)).toBeNull();
  });

  it("replaces an object whole and streams large ones byte for byte", async () => {
    const key = newStorageKey();
    const big = randomBytes(3 * 1024 * 1024 + 17);
    await storage().put(`${key}/w1920.webp`, Buffer.from("first"));
    await storage().put(`${key}/w1920.webp`, big);
    const opened = await storage().open(`${key}/w1920.webp`);
    expect(opened?.size).toBe(big.length);
    expect((await text(opened!.stream)).equals(big)).toBe(true);
    expect((await storage().get(`${key}/w1920.webp`))?.equals(big)).toBe(true);
    await storage().delete(`${key}/w1920.webp`);
  });

  it("lets a reader stop half-way: the stream can be cancelled and the store keeps answering", async () => {
    const key = newStorageKey();
    await storage().put(`${key}/default.png`, randomBytes(1024 * 1024));
    for (let i = 0; i < 12; i++) {
      const opened = await storage().open(`${key}/default.png`);
      const reader = opened!.stream.getReader();
      await reader.read();
      await reader.cancel();
    }
    expect((await storage().get(`${key}/default.png`))?.length).toBe(1024 * 1024);
    await storage().delete(`${key}/default.png`);
  }, 8_000);

  it("refuses any key that is not <storage key>/<rendition file> before touching the store", async () => {
    const key = newStorageKey();
    for (const bad of ["../etc/passwd", `${key}/../../x.jpg`, `${key}/default.svg`, `${key}`, `short/default.jpg`, `${key}/a/default.jpg`, `/${key}/default.jpg`, `${key}/default.jpg\0`, `${key}/default.jpg?x=1`]) {
      expect(isObjectKey(bad), bad).toBe(false);
      await expect(storage().get(bad)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage().open(bad)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage().put(bad, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage().delete(bad)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    }
  });
});

describe("LocalDiskStorage on its own", () => {
  it("tidies an image's empty folders once its last file is deleted", async () => {
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey();
    await storage.put(`${key}/default.jpg`, Buffer.from("x"));
    expect(readdirSync(root)).toContain(key.slice(0, 2));
    await storage.delete(`${key}/default.jpg`);
    expect(readdirSync(root)).not.toContain(key.slice(0, 2));
  });
});

describe("choosing the storage", () => {
  it("uses the object store when S3_BUCKET is set and the disk otherwise", () => {
    expect(storageFromEnv(parseEnv({ STORAGE_DIR: root }))).toBeInstanceOf(LocalDiskStorage);
    const chosen = storageFromEnv(parseEnv({ STORAGE_DIR: root, S3_BUCKET: "news-media", S3_ENDPOINT: "http://127.0.0.1:9", S3_FORCE_PATH_STYLE: "1" }));
    expect(chosen).toBeInstanceOf(S3Storage);
    expect((chosen as S3Storage).bucket).toBe("news-media");
    (chosen as S3Storage).close();
  });

  it("refuses half a set of credentials with a message naming both variables", () => {
    expect(() => storageFromEnv(parseEnv({ S3_BUCKET: "news-media", S3_ACCESS_KEY_ID: "only-the-id" }))).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
  });
});

describe("rendition names", () => {
  const key = "AbCdEfGhIjKlMnOpQrStUv";
  const variants: MediaVariants = {
    version: 1,
    default: { file: "default.jpg", width: 1000, height: 500, bytes: 10, mimeType: "image/jpeg" },
    responsive: [
      { file: "w640.webp", width: 640, height: 320, bytes: 5, mimeType: "image/webp" },
      { file: "w320.webp", width: 320, height: 160, bytes: 3, mimeType: "image/webp" },
      { file: "w1000.webp", width: 1000, height: 500, bytes: 8, mimeType: "image/webp" },
    ],
    social: { file: "social.jpg", width: 1200, height: 630, bytes: 9, mimeType: "image/jpeg" },
    original: { format: "jpeg", width: 1000, height: 500, bytes: 20 },
  };

  it("maps /media paths to storage objects, and anything malformed to nothing", () => {
    expect(renditionCandidates([key])).toEqual([
      { objectKey: `${key}/default.jpg`, contentType: "image/jpeg" },
      { objectKey: `${key}/default.png`, contentType: "image/png" },
    ]);
    expect(renditionCandidates([key, "w640.webp"])).toEqual([{ objectKey: `${key}/w640.webp`, contentType: "image/webp" }]);
    expect(renditionCandidates([key, "social.jpg"])?.[0].contentType).toBe("image/jpeg");
    for (const bad of [[], [".."], ["..", "default.jpg"], [key, ".."], [key, "w640.webp", "x"], [key, "evil.svg"], [key, "w0.webp"], ["a".repeat(65)], ["abc"], [`${key}.jpg`]]) {
      expect(renditionCandidates(bad), bad.join("/")).toBeNull();
    }
  });

  it("builds a srcset and a thumbnail from the stored variants", () => {
    expect(responsiveSrcSet(key, variants)).toBe(`/media/${key}/w320.webp 320w, /media/${key}/w640.webp 640w, /media/${key}/w1000.webp 1000w`);
    expect(responsiveSrcSet(key, null)).toBeUndefined();
    expect(responsiveSrcSet(key, { something: "else" })).toBeUndefined();
    expect(thumbnailUrl(key, variants, 400)).toBe(`/media/${key}/w640.webp`);
    expect(thumbnailUrl(key, null)).toBe(`/media/${key}`);
  });
});
