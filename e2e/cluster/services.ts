// The services a cluster runs on, each the harness's own, on loopback ports of its own: a PostgreSQL cluster
// (initdb + postgres), a Redis server and an S3 test server. The test stops and starts the first two mid-traffic; it
// never touches the machine's shared PostgreSQL or Redis.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createClient } from "redis";
import { startS3Server, type S3TestServer } from "../../lib/testing/s3-server";
import { Child, runToEnd, waitFor } from "./processes";

const POSTGRES_BIN_ROOT = "/usr/lib/postgresql";

/** The newest installed PostgreSQL's bin folder (Debian keeps one per major version), or null. */
export function postgresBinDir(): string | null {
  if (process.env.CLUSTER_POSTGRES_BIN) return process.env.CLUSTER_POSTGRES_BIN;
  if (!existsSync(POSTGRES_BIN_ROOT)) return null;
  const versions = readdirSync(POSTGRES_BIN_ROOT)
    .filter((name) => existsSync(path.join(POSTGRES_BIN_ROOT, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(POSTGRES_BIN_ROOT, versions[0], "bin") : null;
}

/** initdb and postgres refuse to run as root: as root, they run as the system's `postgres` account. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = runSyncId("postgres");
  if (!passwd) throw new Error("running as root and there is no `postgres` user to run initdb and postgres as");
  return passwd;
}

function runSyncId(user: string): { uid: number; gid: number } | null {
  // `id` is everywhere; reading /etc/passwd would miss users from other sources.
  const uid = spawnSync("id", ["-u", user], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", user], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export class PostgresServer {
  private child: Child | null = null;
  readonly dataDir: string;
  readonly adminUrl: string;
  private readonly identity: { uid: number; gid: number } | undefined;

  constructor(
    private readonly binDir: string,
    workDir: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(workDir, "pgdata");
    this.adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    this.identity = postgresIdentity();
  }

  urlFor(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async init(): Promise<void> {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (this.identity) chownSync(this.dataDir, this.identity.uid, this.identity.gid);
    await runToEnd(
      "initdb",
      path.join(this.binDir, "initdb"),
      ["-D", this.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
      { ...this.identity, cwd: this.dataDir, env: { ...process.env, LANG: "C" } },
    );
  }

  async start(): Promise<void> {
    // Durability settings off: the test's data is thrown away, and a restart here is a clean stop, not a crash.
    this.child = new Child("postgres", path.join(this.binDir, "postgres"), [
      "-D", this.dataDir, "-p", String(this.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
      "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
    ], { ...this.identity, cwd: this.dataDir, env: { ...process.env, LANG: "C" } });
    await waitFor("PostgreSQL", () => this.query("select 1").then(() => true), 30_000, this.child);
  }

  /** A fast shutdown (SIGINT): open connections are cut, as when the database server is restarted for maintenance. */
  async stop(): Promise<void> {
    await this.child?.stop("SIGINT", 20_000);
    this.child = null;
  }

  async query(sql: string, database = "postgres"): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: this.urlFor(database), connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  }

  output(): string {
    return this.child?.output() ?? "";
  }
}

export class RedisServer {
  private child: Child | null = null;
  readonly url: string;

  constructor(
    private readonly workDir: string,
    readonly port: number,
  ) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    // No persistence: a restart comes back empty, the worst case for a shared cache (every entry and tag time gone).
    this.child = new Child("redis-server", "redis-server", [
      "--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.workDir, "--protected-mode", "yes",
    ]);
    await waitFor("Redis", () => this.ping(), 15_000, this.child);
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    await this.child?.stop(signal, 10_000);
    this.child = null;
  }

  async ping(): Promise<boolean> {
    const client = createClient({ url: this.url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
    client.on("error", () => {});
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } finally {
      await client.destroy();
    }
  }

  output(): string {
    return this.child?.output() ?? "";
  }
}

/** The S3 test server (lib/testing/s3-server.ts, shared with the storage tests), on the harness's port and folder. */
export async function startS3(workDir: string, port: number): Promise<S3TestServer> {
  return startS3Server({ port, bucket: "breakingon-cluster", directory: path.join(workDir, "s3") });
}

/** Lets other accounts (nginx workers, postgres) into the harness's work folder. */
export function openUp(dir: string): void {
  chmodSync(dir, 0o755);
}
