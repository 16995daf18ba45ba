// A real S3-protocol server for tests (s3rver, in this process) with a fresh folder and one bucket. No test-runner
// imports: unit tests, Playwright and the cluster test all start it the same way.
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

export interface S3TestServer {
  /** e.g. http://127.0.0.1:4310 (path-style addressing only). */
  endpoint: string;
  port: number;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where s3rver keeps the objects. */
  directory: string;
  /** The variables that point a BreakingOn server at this store. */
  env: Record<string, string>;
  /** Stops listening, drops open connections and deletes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface S3TestServerOptions {
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  bucket?: string;
}

// s3rver knows one fixed account (it checks the key id, not the signature's secret).
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";

export async function startS3Server({ port = 0, bucket = "breakingon-media" }: S3TestServerOptions = {}): Promise<S3TestServer> {
  // s3rver is CommonJS without types; require keeps this module free of a declaration file.
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
  const directory = await mkdtemp(path.join(tmpdir(), "breakingon-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port, directory, silent: true, configureBuckets: [{ name: bucket }] });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  return {
    endpoint,
    port: address.port,
    bucket,
    region: "us-east-1",
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    directory,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: "1",
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Clients keep connections alive; without dropping them close() would wait for them to time out.
      server.httpServer?.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
