import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidObjectKeyError, LocalDiskStorage, isObjectKey, newStorageKey } from "./storage";
import { renditionCandidates, responsiveSrcSet, thumbnailUrl, type MediaVariants } from "./variants";

const root = mkdtempSync(path.join(tmpdir(), "breakingon-storage-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("LocalDiskStorage", () => {
  const storage = new LocalDiskStorage(root);

  it("stores, reads, streams and deletes objects, tidying empty folders", async () => {
    const key = newStorageKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newStorageKey()).not.toBe(key);
    await storage.put(`${key}/default.jpg`, Buffer.from("image bytes"));
    await storage.put(`${key}/w320.webp`, Buffer.from("small"));
    expect((await storage.get(`${key}/default.jpg`))?.toString()).toBe("image bytes");
    const opened = await storage.open(`${key}/w320.webp`);
    expect(opened?.size).toBe(5);
    expect(Buffer.from(await new Response(opened!.stream).arrayBuffer()).toString()).toBe("small");
    expect(await storage.get(`${key}/social.jpg`)).toBeNull();
    expect(await storage.open(`${key}/social.jpg`)).toBeNull();
    await storage.delete(`${key}/default.jpg`);
    await storage.delete(`${key}/w320.webp`);
    await storage.delete(`${key}/w320.webp`);
    expect(await storage.get(`${key}/default.jpg`)).toBeNull();
    expect(readdirSync(root)).toEqual([]);
  });

  it("refuses any key that is not <storage key>/<rendition file> before touching the disk", async () => {
    const key = newStorageKey();
    for (const bad of ["../etc/passwd", `${key}/../../x.jpg`, `${key}/default.svg`, `${key}`, `short/default.jpg`, `${key}/a/default.jpg`, `/${key}/default.jpg`, `${key}/default.jpg\0`]) {
      expect(isObjectKey(bad), bad).toBe(false);
      await expect(storage.get(bad)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.put(bad, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.delete(bad)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    }
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
