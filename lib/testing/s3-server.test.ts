import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { startS3Server } from "./s3-server";

describe("startS3Server", () => {
  it("serves a bucket on a loopback port, then stops, frees the port and removes its folder", async () => {
    const server = await startS3Server({ bucket: "probe-bucket" });
    expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.env).toMatchObject({ S3_BUCKET: "probe-bucket", S3_ENDPOINT: server.endpoint, S3_FORCE_PATH_STYLE: "1" });
    const client = new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey } });
    try {
      const { Buckets } = await client.send(new ListBucketsCommand({}));
      expect(Buckets?.map((b) => b.Name)).toEqual(["probe-bucket"]);
      // A kept-alive client connection must not keep stop() waiting.
      await server.stop();
      await server.stop();
      expect(existsSync(server.directory)).toBe(false);
      await expect(client.send(new ListBucketsCommand({}))).rejects.toThrow(/ECONNREFUSED/);
      const again = await startS3Server({ port: server.port });
      await again.stop();
    } finally {
      client.destroy();
    }
  });

  it("keeps a folder the caller chose, and refuses a port already taken", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "breakingon-s3-owner-"));
    try {
      const server = await startS3Server({ directory: path.join(parent, "s3") });
      await expect(startS3Server({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
      await server.stop();
      expect(existsSync(path.join(parent, "s3"))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
