// `npm run db:move -- --to URL`: copies every row of the current database into an empty database of the other
// engine, then proves the copy (same rows in every table: count and checksum) and rebuilds the search index there.
//
// The target gets its schema from its own engine's migrations (prisma migrate deploy, as restore does), so it is
// exactly what that engine's release expects. Rows go across in batches in primary-key order; each batch and the
// note of how far the table has come ("_breakingon_move" in the target) commit together, so a move that stops for
// any reason continues where it stopped when run again. That table is removed when the move is complete.
//
// While copying, the target's own triggers are off (they derive rows this copy brings anyway: the search index,
// listing columns, the PostgreSQL sitemap queue), and are back on before the copy is checked.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl, type DatabaseTarget } from "@/lib/database-url";
import { releaseMigrations } from "@/lib/ops/backup/backup";
import { redact, runTool } from "@/lib/ops/backup/tools";
import { openPostgres, openSqlite, q, sqliteExists, STATE_TABLE, type Endpoint, type TableInfo, type Value } from "./endpoint";
import { planCopy } from "./plan";
import { canonical, MoveError, TableChecksum, toParam, type Engine } from "./values";

export { MoveError } from "./values";

export interface MoveOptions {
  /** The database to copy (DATABASE_URL). */
  from: string | undefined;
  /** An empty database of the other engine: a file: path or a postgresql:// URL. */
  to: string;
  /** Rows per batch (500). */
  batchSize?: number;
  log?: (line: string) => void;
  /**
   * Refills the target's search index and returns how many stories it holds. The caller passes lib/search through
   * lib/db (scripts and tests may open that door; lib/ops may not).
   */
  rebuildSearch: (url: string, engine: Engine) => Promise<number>;
  /** Stops (as an interruption would) once this many batches are committed: tests of resuming. */
  stopAfterBatches?: number;
}

export interface MoveResult {
  /** Rows per table, in copy order. */
  tables: { name: string; rows: number }[];
  rows: number;
  seconds: number;
  resumed: boolean;
  indexed: number;
  /** The line to put in the configuration to use the new database. */
  databaseUrl: string;
}

/** A move stopped on purpose (stopAfterBatches); running it again continues. */
export class MoveInterrupted extends MoveError {
  override name = "MoveInterrupted";
}

interface TableState {
  phase: "copying" | "copied" | "done";
  copied: number;
  lastKey: unknown[] | null;
}

interface Meta {
  source: string;
  startedAt: string;
  /** SQLite: the target's triggers (name, sql), set aside while copying. */
  triggers?: { name: string; sql: string }[];
}

const META = "*";
const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

function resolve(raw: string, what: string): DatabaseTarget {
  try {
    return resolveDatabaseUrl(raw);
  } catch (error) {
    throw new MoveError(`${what}: ${(error as Error).message.replace(/^DATABASE_URL\s*/, "")}`);
  }
}

/** Where a database is, for the record of which source a half-done move came from. */
function identity(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return `file:${target.file}`;
  const url = new URL(target.url);
  return `postgresql://${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function shownUrl(target: DatabaseTarget): string {
  if (target.engine === "sqlite") {
    const relative = path.relative(process.cwd(), target.file);
    return `file:${relative.startsWith("..") || path.isAbsolute(relative) ? target.file : `./${relative}`}`;
  }
  return target.url;
}

async function openSource(from: DatabaseTarget): Promise<Endpoint> {
  if (from.engine === "sqlite") {
    if (!sqliteExists(from.file)) throw new MoveError(`there is no database at ${from.file} to move`);
    return openSqlite(from.file, from.url, { readonly: true });
  }
  const source = await openPostgres(from.url, { create: false });
  if (!source) throw new MoveError(`the PostgreSQL database ${identity(from)} does not exist`);
  return source;
}

/** Every migration of this release is recorded as applied. (A database built from the scripts without Prisma has no
 * record; it is judged by its tables alone, which must match the target's.) */
async function checkMigrated(endpoint: Endpoint, what: string): Promise<void> {
  const recorded = await endpoint.migrations();
  if (recorded === null) return;
  const applied = new Set(recorded);
  const pending = releaseMigrations(endpoint.engine).filter((name) => !applied.has(name));
  if (pending.length > 0) {
    throw new MoveError(
      `${what} ${endpoint.shown} lacks ${pending.length} of this release's migrations (${pending.slice(0, 2).join(", ")}${pending.length > 2 ? ", …" : ""}); ` +
        `bring it up to date first (npm start, or npx prisma migrate deploy with its DATABASE_URL)`,
    );
  }
}

async function count(endpoint: Endpoint, table: string): Promise<number> {
  const [[n]] = await endpoint.all(`select count(*) from ${q(table)}`);
  return Number(n);
}

type TargetState = { kind: "fresh" } | { kind: "resume"; meta: Meta };

/** Whether the target is empty (no tables, or only empty ones), this tool's own unfinished move, or anything else. */
async function inspectTarget(target: Endpoint, sourceIdentity: string): Promise<TargetState> {
  const names = await target.allTableNames();
  if (names.includes(STATE_TABLE)) {
    const [row] = await target.all(`select "info" from ${q(STATE_TABLE)} where "name" = '${META}'`);
    const meta = row ? (JSON.parse(String(row[0])) as Meta) : null;
    if (!meta) throw new MoveError(`${target.shown} holds an unfinished move whose record is unreadable; start again with an empty database`);
    if (meta.source !== sourceIdentity) {
      throw new MoveError(`${target.shown} holds an unfinished move from ${redact(meta.source)}, not from ${redact(sourceIdentity)}; finish that one, or start again with an empty database`);
    }
    return { kind: "resume", meta };
  }
  const occupied: string[] = [];
  for (const table of await target.tables()) {
    const [row] = await target.all(`select 1 from ${q(table.name)} limit 1`);
    if (row) occupied.push(table.name);
  }
  if (occupied.length === 0) return { kind: "fresh" };
  const stories = occupied.includes("Article") ? await count(target, "Article") : 0;
  throw new MoveError(
    `refusing to move into ${target.shown}: it already holds data (${occupied.length} tables with rows, ${stories} stories). ` +
      `Move into a new, empty database`,
  );
}

async function migrateTarget(to: DatabaseTarget, log: (line: string) => void): Promise<void> {
  log(`Creating the ${ENGINE_NAMES[to.engine]} schema in the target (prisma migrate deploy)…`);
  // An absolute file: URL, so the Prisma CLI finds the same file whatever it takes paths relative to.
  const url = to.engine === "sqlite" ? `file:${to.file}` : to.url;
  await runTool(process.execPath, [path.join(process.cwd(), "node_modules/prisma/build/index.js"), "migrate", "deploy"], "prisma migrate deploy", {
    env: { ...process.env, DATABASE_URL: url },
  });
}

function compareSchemas(source: TableInfo[], target: TableInfo[]): void {
  const problems: string[] = [];
  const sourceByName = new Map(source.map((t) => [t.name, t]));
  for (const table of target) {
    const other = sourceByName.get(table.name);
    if (!other) {
      problems.push(`table ${table.name} is missing from the source`);
      continue;
    }
    for (const column of table.columns) {
      const match = other.columns.find((c) => c.name === column.name);
      if (!match) problems.push(`${table.name}.${column.name} is missing from the source`);
      else if (match.kind !== column.kind) problems.push(`${table.name}.${column.name} is ${match.kind} in the source but ${column.kind} in the target`);
    }
    for (const column of other.columns) if (!table.columns.some((c) => c.name === column.name)) problems.push(`${table.name}.${column.name} is missing from the target`);
    if (table.primaryKey.length === 0) problems.push(`${table.name} has no primary key`);
  }
  for (const table of source) if (!target.some((t) => t.name === table.name)) problems.push(`table ${table.name} is missing from the target`);
  if (problems.length > 0) throw new MoveError(`the two databases' schemas differ (${problems.slice(0, 3).join("; ")}); both must be at this release's migrations`);
}

/** Keyset paging over a table in the endpoint's own primary-key order. */
function pageQuery(endpoint: Endpoint, table: TableInfo, columns: string[], after: boolean, limit: number, extraWhere?: string): string {
  const key = table.primaryKey.map(q);
  const conditions: string[] = [];
  if (after) conditions.push(key.length === 1 ? `${key[0]} > ${endpoint.ph(1)}` : `(${key.join(", ")}) > (${key.map((_, i) => endpoint.ph(i + 1)).join(", ")})`);
  if (extraWhere) conditions.push(extraWhere);
  return `select ${columns.map(q).join(", ")} from ${q(table.name)}${conditions.length ? ` where ${conditions.join(" and ")}` : ""} order by ${key.join(", ")} limit ${limit}`;
}

/** The primary key of a row, as plain JSON (kept in the state table to continue after). */
function keyOf(table: TableInfo, columns: string[], row: Value[]): unknown[] {
  return table.primaryKey.map((name) => canonical(table.columns.find((c) => c.name === name)!.kind, row[columns.indexOf(name)]));
}

/** Every row of a table, canonical, through a checksum. */
async function checksum(endpoint: Endpoint, table: TableInfo): Promise<TableChecksum> {
  const columns = table.columns.map((c) => c.name).sort();
  const kinds = columns.map((name) => table.columns.find((c) => c.name === name)!.kind);
  const sum = new TableChecksum();
  let after: unknown[] | null = null;
  for (;;) {
    const rows = await endpoint.all(pageQuery(endpoint, table, columns, after !== null, 2000), after ?? []);
    for (const row of rows) sum.add(row.map((value, i) => canonical(kinds[i], value)));
    if (rows.length < 2000) return sum;
    after = keyOf(table, columns, rows[rows.length - 1]);
  }
}

class StateBook {
  constructor(private target: Endpoint) {}

  static async create(target: Endpoint, meta: Meta): Promise<StateBook> {
    const big = target.engine === "postgresql" ? "bigint" : "integer";
    await target.run(`create table ${q(STATE_TABLE)} ("name" text primary key, "phase" text not null, "copied" ${big} not null default 0, "lastKey" text, "info" text)`);
    await target.run(`insert into ${q(STATE_TABLE)} ("name", "phase", "info") values (${target.ph(1)}, 'meta', ${target.ph(2)})`, [META, JSON.stringify(meta)]);
    return new StateBook(target);
  }

  async tables(): Promise<Map<string, TableState>> {
    const rows = await this.target.all(`select "name", "phase", "copied", "lastKey" from ${q(STATE_TABLE)} where "name" <> '${META}'`);
    return new Map(rows.map(([name, phase, copied, lastKey]) => [String(name), { phase: phase as TableState["phase"], copied: Number(copied), lastKey: lastKey ? (JSON.parse(String(lastKey)) as unknown[]) : null }]));
  }

  /** Call inside the batch's transaction, so the note and the rows commit together. */
  async record(table: string, state: TableState): Promise<void> {
    const t = this.target;
    await t.run(
      `insert into ${q(STATE_TABLE)} ("name", "phase", "copied", "lastKey") values (${t.ph(1)}, ${t.ph(2)}, ${t.ph(3)}, ${t.ph(4)}) ` +
        `on conflict ("name") do update set "phase" = excluded."phase", "copied" = excluded."copied", "lastKey" = excluded."lastKey"`,
      [table, state.phase, state.copied, state.lastKey ? JSON.stringify(state.lastKey) : null],
    );
  }

  async saveMeta(meta: Meta): Promise<void> {
    await this.target.run(`update ${q(STATE_TABLE)} set "info" = ${this.target.ph(1)} where "name" = '${META}'`, [JSON.stringify(meta)]);
  }
}

const MAX_PG_PARAMETERS = 30_000;

async function insertRows(target: Endpoint, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const head = `insert into ${q(table)} (${columns.map(q).join(", ")}) values `;
  if (target.engine === "sqlite") {
    const sql = `${head}(${columns.map(() => "?").join(", ")})`;
    for (const row of rows) await target.run(sql, row);
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PG_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
    await target.run(head + values.join(", "), chunk.flat());
  }
}

/** Turns the target's triggers off for the copy (PostgreSQL: disabled; SQLite, which cannot: set aside in the state table). */
async function suspendTriggers(target: Endpoint, tables: TableInfo[], book: StateBook, meta: Meta): Promise<void> {
  if (target.engine === "postgresql") {
    for (const table of tables) await target.run(`alter table ${q(table.name)} disable trigger user`);
    return;
  }
  await target.transaction(async () => {
    const present = (await target.all(`select name, sql from sqlite_master where type = 'trigger' order by name`)).map(([name, sql]) => ({ name: String(name), sql: String(sql) }));
    if (!meta.triggers) {
      meta.triggers = present;
      await book.saveMeta(meta);
    }
    for (const trigger of present) await target.run(`drop trigger ${q(trigger.name)}`);
  });
}

async function restoreTriggers(target: Endpoint, tables: TableInfo[], meta: Meta): Promise<void> {
  if (target.engine === "postgresql") {
    for (const table of tables) await target.run(`alter table ${q(table.name)} enable trigger user`);
    return;
  }
  await target.transaction(async () => {
    const present = new Set((await target.all(`select name from sqlite_master where type = 'trigger'`)).map(([name]) => String(name)));
    for (const trigger of meta.triggers ?? []) if (!present.has(trigger.name)) await target.run(trigger.sql);
  });
}

/** Serial columns continue after the highest copied id (the copy inserted ids explicitly). */
async function resetSequences(target: Endpoint): Promise<void> {
  if (target.engine !== "postgresql") return;
  const serials = await target.all(
    `select table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) from information_schema.columns
     where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`,
  );
  for (const [table, column, sequence] of serials) {
    if (!sequence) continue;
    await target.run(`select setval(${target.ph(1)}, coalesce((select max(${q(String(column))}) from ${q(String(table))}), 0) + 1, false)`, [sequence]);
  }
}

const HUBS = [
  { kind: "tag", hub: "Tag", links: "ArticleTag", key: "tagId" },
  { kind: "byline", hub: "Byline", links: "ArticleByline", key: "bylineId" },
];

/**
 * PostgreSQL's link triggers only queue a changed tag's or byline's sitemap summary in "SitemapHubChange", for
 * lib/dal/sitemaps.ts to work out later with a query SQLite cannot run (FOR UPDATE SKIP LOCKED); SQLite's triggers
 * keep the summaries at once and never queue. A queue brought over to SQLite is worked out here, with the summary
 * lib/dal/sitemaps.ts computes, and emptied.
 */
async function settleSitemapQueue(target: Endpoint, log: (line: string) => void): Promise<void> {
  const queued = await count(target, "SitemapHubChange");
  if (queued === 0) return;
  for (const { kind, hub, links, key } of HUBS) {
    const listed = `from ${q(links)} "l" where "l".${q(key)} = "h"."id" and "l"."listedAt" is not null`;
    await target.run(
      `update ${q(hub)} as "h" set
         "firstListedAt" = (select "l"."listedAt" ${listed} order by "l"."listedAt" asc limit 1),
         "lastListedAt" = (select "l"."listedAt" ${listed} order by "l"."listedAt" desc limit 1),
         "lastmod" = (select "l"."lastmod" ${listed} and "l"."lastmod" is not null order by "l"."lastmod" desc limit 1)
       where "h"."id" in (select "hubId" from "SitemapHubChange" where "kind" = '${kind}')`,
      [],
    );
  }
  await target.run(`delete from "SitemapHubChange"`, []);
  log(`Worked out the sitemap summaries of ${queued} tags and bylines PostgreSQL had queued (SQLite keeps them at once).`);
}

export async function moveDatabase(options: MoveOptions): Promise<MoveResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new MoveError(`the batch size must be a whole number from 1 to 100000, not ${batchSize}`);
  const from = resolve(options.from ?? "", "the current database (DATABASE_URL, or --from)");
  if (!options.to?.trim()) throw new MoveError("say where to move to: --to file:./data/breakingon.db or --to postgresql://USER:PASSWORD@HOST:5432/DATABASE");
  const to = resolve(options.to, "--to");
  if (from.engine === to.engine) {
    throw new MoveError(
      `both databases are ${ENGINE_NAMES[from.engine]}: db:move copies between engines. ` +
        `To copy a database within one engine, use npm run backup and npm run restore`,
    );
  }

  const source = await openSource(from);
  let target: Endpoint | null = null;
  try {
    await checkMigrated(source, "the source database");
    const sourceIdentity = identity(from);

    // Look before writing anything: a target that is not empty is refused as it is.
    let state: TargetState = { kind: "fresh" };
    if (to.engine === "sqlite") {
      if (sqliteExists(to.file)) {
        const look = openSqlite(to.file, to.url, { readonly: true });
        try {
          state = await inspectTarget(look, sourceIdentity);
        } finally {
          await look.close();
        }
      }
    } else {
      const look = await openPostgres(to.url, { create: false });
      if (look) {
        try {
          state = await inspectTarget(look, sourceIdentity);
        } finally {
          await look.close();
        }
      }
    }

    const openTarget = async () =>
      to.engine === "sqlite" ? openSqlite(to.file, to.url, { readonly: false }) : (await openPostgres(to.url, { create: true, onCreate: () => log(`Created the database ${identity(to)}.`) }))!;
    let meta: Meta;
    let book: StateBook;
    if (state.kind === "fresh") {
      log(`Moving ${ENGINE_NAMES[from.engine]} ${source.shown} to ${ENGINE_NAMES[to.engine]} ${to.engine === "sqlite" ? to.file : identity(to)}.`);
      if (to.engine === "postgresql") await (await openTarget()).close();
      else mkdirSync(path.dirname(to.file), { recursive: true });
      await migrateTarget(to, log);
      target = await openTarget();
      await checkMigrated(target, "the target database");
      meta = { source: sourceIdentity, startedAt: new Date().toISOString() };
      book = await StateBook.create(target, meta);
    } else {
      log(`Continuing the move into ${to.engine === "sqlite" ? to.file : identity(to)} begun at ${state.meta.startedAt}.`);
      target = await openTarget();
      meta = state.meta;
      book = new StateBook(target);
    }

    const [sourceTables, targetTables] = await Promise.all([source.tables(), target.tables()]);
    compareSchemas(sourceTables, targetTables);
    const plan = planCopy(targetTables);
    const done = await book.tables();
    await suspendTriggers(target, targetTables, book, meta);

    let batches = 0;
    const results: { name: string; rows: number }[] = [];
    for (const table of plan.order) {
      const columns = table.columns.map((c) => c.name);
      const kinds = table.columns.map((c) => c.kind);
      const deferred = new Set(plan.deferred.get(table.name) ?? []);
      let progress: TableState = done.get(table.name) ?? { phase: "copying", copied: 0, lastKey: null };
      const total = await count(source, table.name);
      if (progress.phase !== "copying") {
        log(`${table.name} ${progress.copied}/${total} (copied before)`);
        results.push({ name: table.name, rows: progress.copied });
        continue;
      }
      let lastLog = 0;
      for (;;) {
        const rows = await source.all(pageQuery(source, table, columns, progress.lastKey !== null, batchSize), progress.lastKey ?? []);
        const finished = rows.length < batchSize;
        const params = rows.map((row) => row.map((value, i) => (deferred.has(columns[i]) ? null : toParam(kinds[i], value, to.engine))));
        let step: TableState = progress;
        if (rows.length > 0) step = { phase: "copying", copied: progress.copied + rows.length, lastKey: keyOf(table, columns, rows[rows.length - 1]) };
        if (finished) step = { ...step, phase: deferred.size > 0 ? "copied" : "done" };
        await target.transaction(async () => {
          if (params.length > 0) await insertRows(target!, table.name, columns, params);
          await book.record(table.name, step);
        }).catch((error: Error) => {
          throw new MoveError(`copying ${table.name} failed after ${progress.copied} rows: ${error.message.split("\n")[0]}`);
        });
        progress = step;
        if (finished || Date.now() - lastLog > 1000) {
          log(`${table.name} ${progress.copied}/${total}`);
          lastLog = Date.now();
        }
        if (rows.length > 0 && options.stopAfterBatches !== undefined && ++batches >= options.stopAfterBatches) {
          throw new MoveInterrupted(`stopped after ${batches} batches, as asked; run the move again to continue`);
        }
        if (finished) break;
      }
      results.push({ name: table.name, rows: progress.copied });
    }

    // References copied empty (a comment's parent) are filled in now that every row they may point at is there.
    const latest = await book.tables();
    for (const [name, columns] of plan.deferred) {
      if (latest.get(name)?.phase === "done") continue;
      const table = plan.order.find((t) => t.name === name)!;
      const keyColumns = [...table.primaryKey, ...columns];
      const kinds = keyColumns.map((c) => table.columns.find((col) => col.name === c)!.kind);
      const anySet = columns.map((c) => `${q(c)} is not null`).join(" or ");
      let after: unknown[] | null = null;
      for (;;) {
        const rows = await source.all(pageQuery(source, table, keyColumns, after !== null, batchSize, `(${anySet})`), after ?? []);
        if (rows.length > 0) {
          await target.transaction(async () => {
            for (const row of rows) {
              const set = columns.map((c, i) => `${q(c)} = ${target!.ph(i + 1)}`).join(", ");
              const where = table.primaryKey.map((c, i) => `${q(c)} = ${target!.ph(columns.length + i + 1)}`).join(" and ");
              const values = [...columns.map((_, i) => toParam(kinds[table.primaryKey.length + i], row[table.primaryKey.length + i], to.engine)), ...table.primaryKey.map((_, i) => toParam(kinds[i], row[i], to.engine))];
              await target!.run(`update ${q(table.name)} set ${set} where ${where}`, values);
            }
          });
          after = keyOf(table, keyColumns, rows[rows.length - 1]);
        }
        if (rows.length < batchSize) break;
      }
      const current = latest.get(name)!;
      await book.record(name, { ...current, phase: "done" });
      log(`${name}: ${columns.join(", ")} filled in`);
    }

    await restoreTriggers(target, targetTables, meta);
    await resetSequences(target);

    log("Checking the copy (rows and checksum per table)…");
    for (const table of plan.order) {
      const [mine, theirs] = await Promise.all([checksum(source, table), checksum(target, table)]);
      if (mine.rows !== theirs.rows) throw new MoveError(`${table.name}: the source holds ${mine.rows} rows but the target ${theirs.rows}; did the site write during the move? Stop it, empty the target and move again`);
      if (mine.hex() !== theirs.hex()) throw new MoveError(`${table.name}: ${mine.rows} rows on both sides, but their checksums differ (${mine.hex().slice(0, 12)} ≠ ${theirs.hex().slice(0, 12)}); did the site write during the move? Stop it, empty the target and move again`);
      log(`  ${table.name}: ${mine.rows} rows, checksum ${mine.hex().slice(0, 12)} matches`);
    }
    if (target.engine === "sqlite") {
      const broken = await target.all(`select "table", rowid, parent from pragma_foreign_key_check`);
      if (broken.length > 0) throw new MoveError(`the copy breaks ${broken.length} references (first: a row of ${String(broken[0][0])} points at a missing ${String(broken[0][2])})`);
    }

    log("Rebuilding the search index…");
    const indexed = await options.rebuildSearch(to.engine === "sqlite" ? `file:${to.file}` : to.url, to.engine).catch((error: Error) => {
      // Prisma's messages open with the call that failed; the reason is their last line.
      const reason = error.message.split("\n").map((line) => line.trim()).filter(Boolean).pop() ?? error.name;
      throw new MoveError(`every table was copied and checked, but rebuilding the search index failed (${reason}); run the move again to retry`);
    });
    // With the record of the move, so that a move stopped here is checked again against an unchanged copy.
    await target.transaction(async () => {
      if (target!.engine === "sqlite") await settleSitemapQueue(target!, log);
      await target!.run(`drop table ${q(STATE_TABLE)}`);
    });
    return {
      tables: results,
      rows: results.reduce((sum, t) => sum + t.rows, 0),
      seconds: (Date.now() - started) / 1000,
      resumed: state.kind === "resume",
      indexed,
      databaseUrl: shownUrl(to),
    };
  } finally {
    await source.close();
    await target?.close();
  }
}
