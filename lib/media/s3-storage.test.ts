// What only the object store can get wrong: metadata, configuration faults, and stores that are down or stall.
// The behaviour shared with the disk is in storage.test.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type S3TestServer } from "@/lib/testing/s3-server";
import { S3Storage, type S3StorageOptions } from "./s3-storage";
import { StorageUnavailableError, newStorageKey } from "./storage";

let s3: S3TestServer;
const opened: S3Storage[] = [];

function storageFor(overrides: Partial<S3StorageOptions> = {}): S3Storage {
  const storage = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, ...overrides });
  opened.push(storage);
  return storage;
}

/** A local HTTP server that answers however `handle` likes, tracking its sockets so it can be torn down. */
async function fakeStore(handle: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void): Promise<{ endpoint: string; sockets: Set<Socket>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(handle);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sockets,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function timed(work: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - start };
}

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  for (const storage of opened) storage.close();
  await s3?.stop();
});

describe("S3Storage", () => {
  it("stores each rendition with its content type and a cache lifetime of a year", async () => {
    const storage = storageFor();
    const key = newStorageKey();
    await storage.put(`${key}/w640.webp`, Buffer.from("webp"));
    await storage.put(`${key}/default.png`, Buffer.from("png"));
    const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
    try {
      const webp = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${key}/w640.webp` }));
      expect(webp).toMatchObject({ ContentType: "image/webp", CacheControl: "public, max-age=31536000, immutable", ContentLength: 4 });
      const png = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${key}/default.png` }));
      expect(png.ContentType).toBe("image/png");
    } finally {
      client.destroy();
    }
  });

  it("treats a missing bucket or an unknown access key as a fault, never as a missing image", async () => {
    const key = `${newStorageKey()}/default.jpg`;
    for (const storage of [storageFor({ bucket: "no-such-bucket" }), storageFor({ accessKeyId: "NOT-A-KEY" })]) {
      await expect(storage.open(key)).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.put(key, Buffer.from("x"))).rejects.toBeInstanceOf(StorageUnavailableError);
    }
    await expect(storageFor({ bucket: "no-such-bucket" }).open(key)).rejects.toThrow(/no-such-bucket\/.*NoSuchBucket \(HTTP 404\)/);
    await expect(storageFor({ accessKeyId: "NOT-A-KEY" }).open(key)).rejects.toThrow(/InvalidAccessKeyId \(HTTP 403\)/);
  });

  it("fails fast with a clear error when nothing listens at the endpoint", async () => {
    const down = await fakeStore(() => {});
    await down.close();
    const storage = storageFor({ endpoint: down.endpoint });
    const { error, ms } = await timed(() => storage.open(`${newStorageKey()}/default.jpg`));
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toMatch(/could not read .*ECONNREFUSED/);
    expect(ms).toBeLessThan(3_000);
  });

  it("gives up on a store that accepts the request but never answers", async () => {
    const silent = await fakeStore(() => {});
    try {
      const storage = storageFor({ endpoint: silent.endpoint, timeouts: { responseMs: 300, idleMs: 300 }, maxAttempts: 1 });
      for (const call of [() => storage.open(`${newStorageKey()}/default.jpg`), () => storage.put(`${newStorageKey()}/default.jpg`, Buffer.from("x"))]) {
        const { error, ms } = await timed(call);
        expect(error).toBeInstanceOf(StorageUnavailableError);
        expect(ms).toBeLessThan(2_000);
      }
    } finally {
      await silent.close();
    }
  });

  it("ends a stream whose body stops arriving, instead of holding the reader forever", async () => {
    const stalling = await fakeStore((_request, response) => {
      response.writeHead(200, { "Content-Type": "image/jpeg", "Content-Length": "100000" });
      response.write(Buffer.alloc(1000));
    });
    try {
      const storage = storageFor({ endpoint: stalling.endpoint, timeouts: { idleMs: 300 } });
      const object = await storage.open(`${newStorageKey()}/default.jpg`);
      expect(object?.size).toBe(100_000);
      const { error, ms } = await timed(() => new Response(object!.stream).arrayBuffer());
      expect(error).toBeTruthy();
      expect(ms).toBeLessThan(2_000);
      await expect(storage.get(`${newStorageKey()}/default.jpg`)).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      await stalling.close();
    }
  });

  it("releases the connection at once when a reader cancels a stream, and when it gives up waiting", async () => {
    let requests = 0;
    const store = await fakeStore((_request, response) => {
      requests += 1;
      if (requests === 3) return; // the third request never gets an answer
      response.writeHead(200, { "Content-Type": "image/jpeg", "Content-Length": "1000000" });
      response.write(Buffer.alloc(64 * 1024));
    });
    try {
      // One connection and a long idle timeout: if a cancelled stream kept its socket, the next call would wait.
      const storage = storageFor({ endpoint: store.endpoint, maxSockets: 1, timeouts: { idleMs: 20_000, responseMs: 20_000 } });
      const first = await storage.open(`${newStorageKey()}/default.jpg`);
      await first!.stream.cancel();
      const { error, ms } = await timed(async () => {
        const second = await storage.open(`${newStorageKey()}/default.jpg`);
        await second!.stream.cancel();
      });
      expect(error).toBeNull();
      expect(ms).toBeLessThan(1_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(store.sockets.size).toBe(0);

      const abandoned = new AbortController();
      const waiting = timed(() => storage.open(`${newStorageKey()}/default.jpg`, { signal: abandoned.signal }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      abandoned.abort();
      const gaveUp = await waiting;
      expect(gaveUp.error).toBeInstanceOf(StorageUnavailableError);
      expect(gaveUp.ms).toBeLessThan(1_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(store.sockets.size).toBe(0);
    } finally {
      await store.close();
    }
  });
});
