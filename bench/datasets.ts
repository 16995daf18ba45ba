// The large databases bench/data-layer.ts reads: N generated stories (scripts/generate-stories.ts) on SQLite
// (data/bench-<N>.db) and on PostgreSQL (database bench_<N>), made once and reused while they hold the expected count
// (making them takes minutes; reading them, seconds).
import { existsSync, rmSync } from "node:fs";
import pg from "pg";
import { createDb } from "@/lib/db";
import { runBin } from "../scripts/lib/run";

export type Engine = "sqlite" | "postgresql";
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function datasetUrl(engine: Engine, stories: number): string {
  if (engine === "sqlite") return `file:./data/bench-${stories}.db`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/bench_${stories}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Whether the database already holds the generated stories (seed 1) and the seed's source article. */
async function ready(url: string, stories: number): Promise<boolean> {
  const db = createDb(url);
  try {
    const generated = await db.article.count({ where: { slug: { contains: "-1x" }, status: "PUBLISHED" } });
    return generated === stories;
  } catch {
    return false;
  } finally {
    await db.$disconnect();
  }
}

/** The dataset's DATABASE_URL, made first when missing or incomplete. */
export async function ensureDataset(engine: Engine, stories: number, log: (line: string) => void): Promise<string> {
  const url = datasetUrl(engine, stories);
  if (engine === "sqlite" ? existsSync(`data/bench-${stories}.db`) && (await ready(url, stories)) : await ready(url, stories).catch(() => false)) return url;
  log(`making the ${engine} dataset (${stories.toLocaleString("en")} stories; once, then reused)`);
  const name = `bench_${stories}`;
  if (engine === "sqlite") for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/bench-${stories}.db${suffix}`, { force: true });
  else {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await onServer(`CREATE DATABASE "${name}"`);
  }
  const env = { ...process.env, DATABASE_URL: url };
  await runBin("prisma", ["migrate", "deploy"], { env, what: "migrations", stdio: "ignore" });
  await runBin("tsx", ["prisma/seed.ts", "--if-empty"], { env, what: "seed", stdio: "ignore" });
  await runBin("tsx", ["scripts/generate-stories.ts", "--count", String(stories)], { env, what: "generate-stories" });
  return url;
}
