// The large databases bench/data-layer.ts reads: N generated stories (scripts/generate-stories.ts) on SQLite
// (data/bench-<N>-v<version>.db) and on PostgreSQL (database bench_<N>_v<version>), made once and reused while they hold the expected count
// (making them takes minutes; reading them, seconds).
import { existsSync, rmSync } from "node:fs";
import { createDb } from "@/lib/db";
import { runBin } from "../scripts/lib/run";
import { onServer as runOnServer } from "@/lib/testing/database-server";

export type Engine = "sqlite" | "postgresql";
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// Bumped when scripts/generate-stories.ts makes different data, so an older dataset is not measured by mistake.
const VERSION = 2;
const sqliteFile = (stories: number) => `data/bench-${stories}-v${VERSION}.db`;
const postgresName = (stories: number) => `bench_${stories}_v${VERSION}`;

export function datasetUrl(engine: Engine, stories: number): string {
  if (engine === "sqlite") return `file:./${sqliteFile(stories)}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${postgresName(stories)}`;
  return url.toString();
}

/** One statement on the benchmark's PostgreSQL server (CREATE/DROP DATABASE). */
const onServer = (sql: string) => runOnServer(sql, POSTGRES_ADMIN_URL);

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
  if (engine === "sqlite" ? existsSync(sqliteFile(stories)) && (await ready(url, stories)) : await ready(url, stories)) return url;
  log(`making the ${engine} dataset (${stories.toLocaleString("en")} stories; once, then reused)`);
  const name = postgresName(stories);
  if (engine === "sqlite") for (const suffix of ["", "-wal", "-shm"]) rmSync(`${sqliteFile(stories)}${suffix}`, { force: true });
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
