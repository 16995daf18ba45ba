// A real S3-protocol server for tests (s3rver, in this process) with a fresh folder and one bucket. No test-runner
// imports: unit tests, Playwright and the cluster test all start it the same way.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

interface S3rverInstance {
  configureBuckets(): Promise<unknown>;
  /** The Koa request handler. */
  callback(): RequestListener;
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
  /** Stops listening, drops open connections and deletes the folder it made. Safe to call twice. */
  stop(): Promise<void>;
}

export interface S3TestServerOptions {
  /** 0 (the default) lets the system choose a free port. */
  port?: number;
  bucket?: string;
  /** Where to keep the objects; the caller's to remove. Default: a fresh temporary folder, removed by stop(). */
  directory?: string;
}

// s3rver knows one fixed account (it checks the key id, not the signature's secret).
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";

export async function startS3Server({ port = 0, bucket = "breakingon-media", directory: given }: S3TestServerOptions = {}): Promise<S3TestServer> {
  // s3rver is CommonJS without types; require keeps this module free of a declaration file.
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
  const directory = given ? path.resolve(given) : await mkdtemp(path.join(tmpdir(), "breakingon-s3-"));
  if (given) await mkdir(directory, { recursive: true });
  const removeDirectory = () => (given ? Promise.resolve() : rm(directory, { recursive: true, force: true }));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket }] });
  // Our own listener rather than s3rver.run(), which never settles (and crashes the process) when the port is taken.
  const server = createServer(s3rver.callback());
  let address: AddressInfo;
  try {
    await s3rver.configureBuckets();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    address = server.address() as AddressInfo;
  } catch (error) {
    await removeDirectory();
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
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await removeDirectory();
    },
  };
}
