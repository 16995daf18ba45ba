// The whole path on an object store, as a second instance would see it: uploads through the media library land in
// the bucket (not on this server's disk), /media serves them from there, deleting removes every object, and a store
// that is down gets a clean 503.
import { readdirSync, rmSync } from "node:fs";
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { GET, HEAD } from "@/app/media/[...key]/route";
import { deleteMedia, uploadMedia } from "@/lib/dal/media";
import { describeEachEngine } from "@/lib/testing/databases";
import { startS3Server, type S3TestServer } from "@/lib/testing/s3-server";
import { S3Storage } from "./s3-storage";
import { getMediaStorage, newStorageKey } from "./storage";
import { parseVariants } from "./variants";

// The store must be running and configured before lib/env.ts is first imported (it reads process.env once).
const started = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { startS3Server } = await import("@/lib/testing/s3-server");
  const server = await startS3Server();
  Object.assign(process.env, server.env);
  // Set, so that anything still written to disk would show up here.
  process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), "breakingon-media-s3-"));
  return { server, storageDir: process.env.STORAGE_DIR };
});
let store: S3TestServer = started.server;

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7" }), cookies: async () => ({ get: () => undefined }) }));

const client = new S3Client({ endpoint: store.endpoint, region: store.region, forcePathStyle: true, credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey } });

afterAll(async () => {
  client.destroy();
  (getMediaStorage() as S3Storage).close();
  await store.stop();
  rmSync(started.storageDir, { recursive: true, force: true });
});

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

async function objectsUnder(storageKey: string): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: `${storageKey}/` }));
  return (listed.Contents ?? []).map((o) => o.Key!.slice(storageKey.length + 1)).sort();
}

function serve(path: string, init?: RequestInit): Promise<Response> {
  const request = new Request(`http://news.example${path}`, init);
  return GET(request, { params: Promise.resolve({ key: path.split("/").slice(2) }) });
}

const photo = (background = { r: 20, g: 90, b: 160 }) => sharp({ create: { width: 800, height: 500, channels: 3, background } }).jpeg().toBuffer();

describeEachEngine("media on an S3-compatible store", (database) => {
  let editor = "";

  beforeAll(async () => {
    editor = (await database().db.user.create({ data: { email: "editor@news.example", name: "Editor", passwordHash: "x", role: "EDITOR" } })).id;
  });

  it("uses the configured bucket rather than the server's disk", () => {
    expect(getMediaStorage()).toBeInstanceOf(S3Storage);
    expect((getMediaStorage() as S3Storage).bucket).toBe(store.bucket);
  });

  it("stores an upload's renditions in the bucket, serves each through /media and deletes them all", async () => {
    const { db } = database();
    signInAs(editor);
    const view = await uploadMedia(await photo(), "harbour.jpg", { alt: "The harbour" });
    const row = await db.media.findUniqueOrThrow({ where: { id: view.id } });
    const variants = parseVariants(row.variants)!;
    const files = [variants.default, ...variants.responsive, variants.social].map((r) => r.file).sort();
    expect(files).toEqual(["default.jpg", "social.jpg", "w320.webp", "w640.webp", "w800.webp"]);
    expect(await objectsUnder(row.storageKey)).toEqual(files);
    expect(readdirSync(started.storageDir)).toEqual([]);

    const main = await serve(view.url);
    expect(main.status).toBe(200);
    expect(Object.fromEntries(main.headers)).toMatchObject({
      "content-type": "image/jpeg",
      "content-length": String(variants.default.bytes),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    const body = Buffer.from(await main.arrayBuffer());
    expect(body.length).toBe(variants.default.bytes);
    expect(await sharp(body).metadata()).toMatchObject({ format: "jpeg", width: 800, height: 500 });

    const small = await serve(`${view.url}/w320.webp`);
    expect(small.headers.get("content-type")).toBe("image/webp");
    expect(await sharp(Buffer.from(await small.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 320 });
    const head = await HEAD(new Request(`http://news.example${view.url}/w320.webp`, { method: "HEAD" }), { params: Promise.resolve({ key: [row.storageKey, "w320.webp"] }) });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(small.headers.get("content-length"));
    expect(head.body).toBeNull();
    const social = await serve(`${view.url}/social.jpg`);
    expect(await sharp(Buffer.from(await social.arrayBuffer())).metadata()).toMatchObject({ width: 1200, height: 630 });

    expect(await deleteMedia(view.id)).toEqual({ originalName: "harbour.jpg" });
    expect(await objectsUnder(row.storageKey)).toEqual([]);
    expect((await serve(view.url)).status).toBe(404);
    expect((await serve(`${view.url}/w320.webp`)).status).toBe(404);
  });

  it("serves a transparent image's PNG default under the same bare URL", async () => {
    signInAs(editor);
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.3 } } }).png().toBuffer();
    const view = await uploadMedia(png, "overlay.png", { alt: "Overlay" });
    const served = await serve(view.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe("png");
    await deleteMedia(view.id);
  });

  it("answers 404 for a key with no image and for any malformed path, without asking the store", async () => {
    const missing = await serve(`/media/${newStorageKey()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("public, max-age=60");
    expect((await serve(`/media/${newStorageKey()}/w640.webp`)).status).toBe(404);
    const key = newStorageKey();
    for (const bad of [`/media/${key}/evil.svg`, `/media/${key}/w640.webp/more`, "/media/..", "/media/short", `/media/${key}/..`]) {
      expect((await serve(bad)).status, bad).toBe(404);
    }
  });

  it("never serves an object stored behind the app's back under a name it would not write", async () => {
    // Belt and braces for the validation: even if the bucket held such a key, no /media path can name it.
    const key = newStorageKey();
    await client.send(new PutObjectCommand({ Bucket: store.bucket, Key: `${key}/evil.svg`, Body: "<svg/>" }));
    expect((await serve(`/media/${key}/evil.svg`)).status).toBe(404);
    await client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: `${key}/evil.svg` }));
  });

  it("gives readers a clean 503 and uploaders a clear failure while the store is down, and recovers when it is back", async () => {
    const { db } = database();
    signInAs(editor);
    const kept = await uploadMedia(await photo({ r: 200, g: 10, b: 10 }), "kept.jpg", { alt: "Kept" });
    const port = store.port;
    await store.stop();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const down = await serve(kept.url);
      expect(down.status).toBe(503);
      expect(Object.fromEntries(down.headers)).toMatchObject({ "cache-control": "no-store", "retry-after": "10", "content-type": "text/plain; charset=utf-8" });
      const text = await down.text();
      expect(text).toBe("Images are temporarily unavailable. Try again shortly.");
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^media: Media store: could not read .*ECONNREFUSED/));

      const rows = await db.media.count();
      // The editor is told what happened, in words (lib/dal/media.ts), and nothing is half-saved.
      await expect(uploadMedia(await photo(), "while-down.jpg")).rejects.toThrow(/Image storage is unavailable right now; nothing was saved/);
      expect(await db.media.count()).toBe(rows);
    } finally {
      logged.mockRestore();
      // Back on the same address (an empty store this time), also when a check above failed, so later tests have it.
      store = await startS3Server({ port, bucket: store.bucket });
    }

    // The same process carries on without a restart.
    const after = await uploadMedia(await photo(), "after.jpg", { alt: "After" });
    expect((await serve(after.url)).status).toBe(200);
    await deleteMedia(after.id);
  });
});
