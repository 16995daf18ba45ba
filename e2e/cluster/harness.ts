// The cluster under test: one production build served by three `next start` instances (A, B, C) on the harness's
// own PostgreSQL, Redis and S3 test server, with nginx in front, everything on loopback. Started once by
// scripts/test-cluster.ts, torn down always.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { createDb, type Db } from "../../lib/db";
import type { S3TestServer } from "../../lib/testing/s3-server";
import { Nginx } from "./nginx";
import { ensureBuild, prepareDatabase } from "../../scripts/lib/prepare";
import type { BuildMode } from "../../scripts/lib/build-stamp";
import { Child, sleep, stopAll, waitFor } from "./processes";
import { PostgresServer, RedisServer, openUp, postgresBinDir, startS3 } from "./services";

/** Ports 4500–4599 are the cluster test's (nothing else in the project uses them). */
export const PORTS = { nginx: 4500, instances: [4501, 4502, 4503], redis: 4510, postgres: 4520, s3: 4530 } as const;
export const INSTANCE_NAMES = ["A", "B", "C"] as const;
export type InstanceName = (typeof INSTANCE_NAMES)[number];

export const EDITOR = { email: "cluster-editor@breakingon.test", password: "three ferries cross at dawn", name: "Cara Cluster" };

const NODE = process.execPath;
const NEXT_BIN = "node_modules/next/dist/bin/next";

export class Instance {
  private child: Child | null = null;
  readonly url: string;

  constructor(
    readonly name: InstanceName,
    readonly port: number,
    private readonly appDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    if (this.child?.alive) throw new Error(`instance ${this.name} is already running`);
    this.child = new Child(`instance ${this.name}`, NODE, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(this.port)], {
      cwd: this.appDir,
      // Local media would hide a missing shared store: each instance gets a disk folder no other instance sees.
      env: { ...this.env, PORT: String(this.port), STORAGE_DIR: path.join(this.env.STORAGE_DIR ?? "storage", this.name) },
    });
    await waitFor(`instance ${this.name}`, async () => (await fetch(`${this.url}/robots.txt`, { signal: AbortSignal.timeout(5000) })).ok, 90_000, this.child);
  }

  /** SIGKILL: the instance gets no chance to finish or hand back anything it was doing. */
  async kill(): Promise<void> {
    await this.child?.stop("SIGKILL");
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.child?.stop("SIGTERM", 10_000);
    this.child = null;
  }

  get alive(): boolean {
    return !!this.child?.alive;
  }

  output(): string {
    return this.child?.output() ?? "";
  }
}

export interface ClusterOptions {
  /** Where the app is (its next.config.ts, node_modules and the build): the working folder. */
  appDir: string;
  distDir: string;
  /** As `npm start`: build when the sources changed ("auto"), or always, or never (serve the build that is there). */
  buildMode: BuildMode;
  log: (line: string) => void;
}

export class Cluster {
  readonly workDir: string;
  readonly postgres: PostgresServer;
  readonly redis: RedisServer;
  readonly instances: Instance[] = [];
  nginx!: Nginx;
  s3!: S3TestServer;
  databaseUrl = "";
  db!: Db;
  /** Shared by every instance (Next reads it at run time, over the key the build made) unless one is given. */
  readonly actionsKey = randomBytes(32).toString("base64");
  private readonly sessionSecret = randomBytes(32).toString("base64url");

  constructor(readonly options: ClusterOptions) {
    this.workDir = mkdtempSync(path.join(tmpdir(), "breakingon-cluster-"));
    openUp(this.workDir);
    const bin = postgresBinDir();
    if (!bin) throw new Error("no PostgreSQL server binaries (initdb) under /usr/lib/postgresql");
    this.postgres = new PostgresServer(bin, this.workDir, PORTS.postgres);
    this.redis = new RedisServer(this.workDir, PORTS.redis);
  }

  get a(): Instance {
    return this.instances[0];
  }
  get b(): Instance {
    return this.instances[1];
  }
  get c(): Instance {
    return this.instances[2];
  }

  /** Every address a reader can come through: each instance directly, and nginx. */
  get fronts(): { name: string; url: string }[] {
    return [...this.instances.map((i) => ({ name: i.name, url: i.url })), { name: "nginx", url: this.nginx.url }];
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: this.options.distDir,
      DATABASE_URL: this.databaseUrl,
      NEXTAUTH_SECRET: this.sessionSecret,
      SITE_URL: `http://127.0.0.1:${PORTS.nginx}`,
      // Readers come through nginx, which appends the address it saw.
      TRUST_PROXY_HOPS: "1",
      // Each instance looks for due work this often; the 50-story case must not wait long.
      SCHEDULER_POLL_MS: "500",
      REDIS_URL: this.redis.url,
      S3_BUCKET: this.s3?.bucket,
      S3_ENDPOINT: this.s3?.endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: this.s3?.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.s3?.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
      // Given (npm test gives both to its one build), or as `npm start` makes them: the deployment id derived from
      // the build's inputs and kept in its stamp. A key made up here would count as a changed build setting.
      DEPLOYMENT_ID: process.env.DEPLOYMENT_ID,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
      STORAGE_DIR: path.join(this.workDir, "storage"),
    };
  }

  async start(): Promise<void> {
    const { log } = this.options;
    log(`work folder ${this.workDir}`);
    log("starting PostgreSQL, Redis and the S3 test server");
    await this.postgres.init();
    await this.postgres.start();
    await this.postgres.query("CREATE DATABASE breakingon");
    this.databaseUrl = this.postgres.urlFor("breakingon");
    await this.redis.start();
    this.s3 = await startS3(this.workDir, PORTS.s3);

    // One build for every instance, made (or reused) the way `npm start` does; it tells which DEPLOYMENT_ID it has.
    const built = await ensureBuild(this.env(), this.options.buildMode, (line) => log(line));
    const env: NodeJS.ProcessEnv = { ...built, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: built.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || this.actionsKey };
    log(`serving DEPLOYMENT_ID ${env.DEPLOYMENT_ID ?? "(none)"} on every instance, with one server actions key`);

    // The release step, once, before any instance starts: migrations and the seed (under the project's lock).
    log("release step: migrations and seed");
    await prepareDatabase(env, { log });
    this.db = createDb(this.databaseUrl);
    await this.db.user.upsert({
      where: { email: EDITOR.email },
      create: { email: EDITOR.email, name: EDITOR.name, role: "EDITOR", passwordHash: await hash(EDITOR.password) },
      update: {},
    });

    INSTANCE_NAMES.forEach((name, index) => this.instances.push(new Instance(name, PORTS.instances[index], this.options.appDir, env)));
    log("starting instances A, B and C");
    // One after another: three cold Next servers at once on two cores time out each other's readiness checks.
    for (const instance of this.instances) await instance.start();

    this.nginx = new Nginx(path.join(this.workDir, "nginx"), {
      listenPort: PORTS.nginx,
      upstreams: this.instances.map((i) => `127.0.0.1:${i.port}`),
      staticDir: path.resolve(this.options.appDir, this.options.distDir, "static"),
    });
    await this.nginx.start();
    log(`nginx (deploy/nginx.conf) in front on ${this.nginx.url}`);
  }

  /** The id Next gave a server action in this build. */
  actionId(exportedName: string): string {
    const manifest = JSON.parse(readFileSync(path.join(this.options.appDir, this.options.distDir, "server", "server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { exportedName?: string }>;
    };
    const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
    if (!found) throw new Error(`no server action ${exportedName} in this build`);
    return found[0];
  }

  /** Every log tail, for a failure report. */
  outputs(): string {
    const parts = [...this.instances.map((i) => [`instance ${i.name}`, i.output()]), ["nginx", this.nginx?.output() ?? ""], ["postgres", this.postgres.output()], ["redis", this.redis.output()]];
    return parts.map(([name, text]) => `── ${name}\n${text.slice(-1500)}`).join("\n");
  }

  async stop(): Promise<void> {
    await this.db?.$disconnect().catch(() => {});
    await this.nginx?.stop().catch(() => {});
    await Promise.all(this.instances.map((i) => i.stop().catch(() => {})));
    await this.s3?.stop().catch(() => {});
    await this.redis.stop().catch(() => {});
    await this.postgres.stop().catch(() => {});
    await stopAll();
    await sleep(50);
    this.removeWorkDir();
  }

  removeWorkDir(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
