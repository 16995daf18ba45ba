// Parts (b) and (c) of `npm run bench`, on the production shape: two instances of the bench build on PostgreSQL
// (database bench_cluster on the local server) sharing a Redis of the bench's own, nginx in front.
// (b) req/s through nginx + 2 instances vs a second nginx serving the same bytes from disk (the ceiling).
// (c) publish → visible: an editor publishes through instance A's server action; each instance (and nginx) is polled
//     until the story is on its home page and its article page answers 200. Times are from the moment the action
//     is sent.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { hash } from "@node-rs/argon2";
import { createDb, type Db } from "@/lib/db";
import { runBin } from "../scripts/lib/run";
import { onServer as runOnServer } from "@/lib/testing/database-server";
import { DIST } from "./build";
import { actionId, callAction, EDITOR, signIn } from "./newsroom";
import { Started, sleep, stopAll, waitFor } from "./processes";
import { percentile } from "./stats";

const PORTS = { instances: [4601, 4602], nginx: 4605, staticNginx: 4606, redis: 4610 };
const DATABASE = "bench_cluster";
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 5);
const GIVE_UP_MS = 10_000;

export interface ClusterResult {
  front: { page: string; path: string; nginxInstances: number; nginxDisk: number; ratio: number; errors: number }[];
  publish: { instance: string; p50: number; max: number; samples: number[] }[];
  actionMs: number[];
  nginxConfig: string;
}

/** One statement on the benchmark's PostgreSQL server (CREATE/DROP DATABASE). */
const onServer = (sql: string) => runOnServer(sql, ADMIN_URL);

/** The project's nginx renderer (deploy/nginx.conf via scripts/lib/nginx-config.ts) when it exists, else a minimal equivalent. */
async function frontConfig(prefix: string, staticDir: string): Promise<{ text: string; source: string }> {
  const site = { listenPort: PORTS.nginx, port: PORTS.nginx, upstreams: PORTS.instances.map((p) => `127.0.0.1:${p}`), staticDir, prefix, foreground: true };
  const file = path.resolve("scripts/lib/nginx-config.ts");
  if (existsSync(file)) {
    const loaded = (await import(file)) as Record<string, unknown>;
    const render = loaded.renderNginxConfig ?? loaded.renderNginxConf ?? loaded.nginxConfig;
    if (typeof render === "function") return { text: (render as (o: typeof site) => string)(site), source: "deploy/nginx.conf" };
  }
  return {
    source: "bench's minimal equivalent (no scripts/lib/nginx-config.ts yet)",
    text: `${nginxHead(prefix)}
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=pages:10m max_size=100m inactive=10m use_temp_path=off;
  upstream breakingon { ${site.upstreams.map((u) => `server ${u};`).join(" ")} keepalive 32; }
  map $http_cookie $signed_in { default 0; "~*next-auth\\.session-token" 1; }
  server {
    listen 127.0.0.1:${PORTS.nginx};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    location /_next/static/ { alias ${staticDir}/; expires 1y; }
    location ~ ^/(admin|api)(/|$) { proxy_pass http://breakingon; }
    location / {
      proxy_pass http://breakingon;
      proxy_cache pages;
      # Next marks cached pages s-maxage=3600; nginx would obey that over proxy_cache_valid and keep pages an hour.
      proxy_ignore_headers Cache-Control Expires;
      proxy_cache_valid 200 301 302 308 404 1s;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout http_502 http_503;
      proxy_cache_background_update on;
      proxy_cache_bypass $signed_in $http_next_action $http_rsc;
      proxy_no_cache $signed_in $http_next_action $http_rsc;
    }
  }
}
`,
  };
}

function nginxHead(prefix: string, workers = "1"): string {
  return `worker_processes ${workers};
pid ${prefix}/nginx.pid;
error_log stderr warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;`;
}

async function startNginx(name: string, prefix: string, config: string, port: number): Promise<Started> {
  for (const dir of ["tmp", "cache", "conf"]) mkdirSync(path.join(prefix, dir), { recursive: true });
  for (const dir of ["tmp", "cache"]) chmodSync(path.join(prefix, dir), 0o777);
  const file = path.join(prefix, "conf", "nginx.conf");
  writeFileSync(file, config);
  const child = new Started(name, NGINX_BIN, ["-p", prefix, "-c", file, ...(/^\s*daemon\s+off\s*;/m.test(config) ? [] : ["-g", "daemon off;"])]);
  await waitFor(name, async () => (await fetch(`http://127.0.0.1:${port}/robots.txt`, { signal: AbortSignal.timeout(2000) })).status < 500, 20_000, child);
  return child;
}

async function load(url: string, seconds: number, connections: number): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds });
  return { rps: Math.round(result.requests.average), errors: result.errors + result.non2xx };
}

async function createDraft(db: Db, n: number): Promise<{ id: string; slug: string; version: number }> {
  const [section, byline] = await Promise.all([
    db.section.findUniqueOrThrow({ where: { slug: "world" }, select: { id: true } }),
    db.byline.findUniqueOrThrow({ where: { slug: "breakingon-newsroom" }, select: { id: true } }),
  ]);
  const slug = `bench-publish-${Date.now().toString(36)}-${n}`;
  const tag = await db.tag.upsert({ where: { slug: "bench" }, create: { slug: "bench", name: "Bench" }, update: {}, select: { id: true } });
  const story = await db.article.create({
    data: {
      slug,
      headline: `Bench publish ${n}: ${slug}`,
      standfirst: "A story the benchmark publishes to time how soon every instance shows it.",
      body: "## What happened\n\nThe benchmark published this story.\n",
      sectionId: section.id,
      bylines: { create: [{ bylineId: byline.id, position: 0 }] },
      tags: { create: [{ tagId: tag.id }] },
    },
    select: { id: true, version: true },
  });
  return { id: story.id, slug, version: story.version };
}

/** Polls until `path` on `base` shows the story (home lists its slug; the article answers 200). */
async function visibleAt(base: string, slug: string, since: number): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    const [home, article] = await Promise.all([
      fetch(`${base}/`).then((r) => r.text()),
      fetch(`${base}/articles/${slug}`, { redirect: "manual" }).then(async (r) => (await r.arrayBuffer(), r.status)),
    ]);
    if (home.includes(`/articles/${slug}`) && article === 200) return performance.now() - since;
    await sleep(20);
  }
  return Infinity;
}

export async function runClusterBench(buildEnv: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<ClusterResult> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 6);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const work = mkdtempSync(path.join(tmpdir(), "breakingon-bench-"));
  chmodSync(work, 0o755);
  let db: Db | undefined;
  try {
    await onServer(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await onServer(`CREATE DATABASE "${DATABASE}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${DATABASE}`;
    const redis = new Started("redis", "redis-server", ["--port", String(PORTS.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
    await waitFor("redis", async () => redis.output().includes("Ready to accept connections"), 10_000, redis);
    const env: NodeJS.ProcessEnv = {
      ...buildEnv,
      DATABASE_URL: url.toString(),
      REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SITE_URL: `http://127.0.0.1:${PORTS.nginx}`,
      TRUST_PROXY_HOPS: "1",
      STORAGE_DIR: path.join(work, "storage"),
    };
    log("cluster: migrations and seed on PostgreSQL");
    await runBin("prisma", ["migrate", "deploy"], { env, what: "migrations", stdio: "ignore" });
    await runBin("tsx", ["prisma/seed.ts", "--if-empty"], { env, what: "seed", stdio: "ignore" });
    db = createDb(env.DATABASE_URL);
    await db.user.create({ data: { email: EDITOR.email, name: EDITOR.name, role: "EDITOR", passwordHash: await hash(EDITOR.password) } });

    const instances = PORTS.instances.map((port) => ({ port, base: `http://127.0.0.1:${port}` }));
    for (const [i, { port, base }] of instances.entries()) {
      log(`cluster: starting instance ${"AB"[i]} on ${port}`);
      const child = new Started(`instance ${"AB"[i]}`, process.execPath, ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)], { env: { ...env, PORT: String(port) } });
      await waitFor(`instance ${"AB"[i]}`, async () => (await fetch(`${base}/robots.txt`, { signal: AbortSignal.timeout(5000) })).ok, 120_000, child);
    }
    const front = await frontConfig(path.join(work, "front"), path.resolve(DIST, "static"));
    await startNginx("nginx", path.join(work, "front"), front.text, PORTS.nginx);
    const nginx = `http://127.0.0.1:${PORTS.nginx}`;

    // (b) The same bytes from disk: what nginx sends for each page, saved under its path, served by a plain nginx
    // with the front's worker count.
    const article = (await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { slug: true } })).slug;
    const pages = [
      { page: "article", path: `/articles/${article}` },
      { page: "home", path: "/" },
    ];
    const disk = path.join(work, "disk");
    for (const p of pages) {
      const body = Buffer.from(await (await fetch(`${nginx}${p.path}`)).arrayBuffer());
      const file = path.join(disk, p.path === "/" ? "index.html" : p.path.slice(1));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
    chmodSync(disk, 0o755);
    for (const dir of ["articles"]) chmodSync(path.join(disk, dir), 0o755);
    const workers = /^\s*worker_processes\s+([^;]+);/m.exec(front.text)?.[1] ?? "1";
    await startNginx(
      "static nginx",
      path.join(work, "static"),
      `${nginxHead(path.join(work, "static"), workers)}
  server {
    listen 127.0.0.1:${PORTS.staticNginx};
    root ${disk};
    default_type text/html;
    location = / { try_files /index.html =404; }
    location / { try_files $uri =404; }
  }
}
`,
      PORTS.staticNginx,
    );
    const staticBase = `http://127.0.0.1:${PORTS.staticNginx}`;
    const frontResults: ClusterResult["front"] = [];
    for (const p of pages) {
      await fetch(`${nginx}${p.path}`);
      const viaInstances = await load(`${nginx}${p.path}`, seconds, connections);
      const fromDisk = await load(`${staticBase}${p.path}`, seconds, connections);
      frontResults.push({ ...p, nginxInstances: viaInstances.rps, nginxDisk: fromDisk.rps, ratio: viaInstances.rps / fromDisk.rps, errors: viaInstances.errors + fromDisk.errors });
      log(`front ${p.page.padEnd(8)} nginx→2 instances ${viaInstances.rps} req/s, nginx from disk ${fromDisk.rps} req/s (×${(viaInstances.rps / fromDisk.rps).toFixed(2)})`);
    }

    // (c) Publish → visible on every instance.
    const cookie = await signIn(instances[0]!.base);
    const transition = actionId(DIST, "transitionStoryAction");
    const fronts = [...instances.map((inst, i) => ({ name: "AB"[i]!, base: inst.base })), { name: "nginx", base: nginx }];
    const samples = new Map(fronts.map((f) => [f.name, [] as number[]]));
    const actionMs: number[] = [];
    for (let n = 1; n <= PUBLISHES; n++) {
      const story = await createDraft(db, n);
      // Every front has the home page cached (and has answered 404 for the slug), so the publish must expire it.
      for (const f of fronts) {
        await fetch(`${f.base}/`).then((r) => r.arrayBuffer());
        await fetch(`${f.base}/articles/${story.slug}`).then((r) => r.arrayBuffer());
      }
      const since = performance.now();
      const answer = await callAction(instances[0]!.base, `/admin/stories/${story.id}`, transition, { id: story.id, baseVersion: story.version, to: "PUBLISHED" }, cookie);
      actionMs.push(performance.now() - since);
      if (!answer.ok) throw new Error(`publish refused: ${answer.message ?? JSON.stringify(answer)}`);
      const seen = await Promise.all(fronts.map((f) => visibleAt(f.base, story.slug, since)));
      fronts.forEach((f, i) => samples.get(f.name)!.push(seen[i]!));
      log(`publish ${n}: action ${Math.round(actionMs.at(-1)!)} ms; visible on ${fronts.map((f, i) => `${f.name} ${Number.isFinite(seen[i]) ? Math.round(seen[i]!) : "never"} ms`).join(", ")}`);
      await sleep(1100);
    }
    return {
      front: frontResults,
      publish: fronts.map((f) => {
        const s = samples.get(f.name)!;
        return { instance: f.name, p50: percentile(s, 50), max: Math.max(...s), samples: s.map((v) => Math.round(v)) };
      }),
      actionMs: actionMs.map(Math.round),
      nginxConfig: front.source,
    };
  } finally {
    await db?.$disconnect().catch(() => {});
    await stopAll();
    await onServer(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench/cluster.ts")) {
  const { benchBuild } = await import("./build");
  runClusterBench(await benchBuild())
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch(async (error) => {
      console.error(`bench cluster: ${(error as Error).message}`);
      await stopAll();
      process.exit(1);
    });
}
