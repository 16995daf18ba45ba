// `npm run db:move -- --to URL`: copies the current database (DATABASE_URL) into an empty database of the other
// engine, checks every table (rows and checksum), rebuilds the search index there and prints the DATABASE_URL to
// switch to. Stop the site first: what it writes during the move would be missing from the copy (the check says so).
//
//   npm run db:move -- --to postgresql://USER:PASSWORD@HOST:5432/DATABASE     SQLite → PostgreSQL
//   npm run db:move -- --to file:./data/breakingon.db                         PostgreSQL → SQLite
//   npm run db:move -- --from URL --to URL [--batch-size 500]
//
// An interrupted move continues where it stopped when run again with the same --to.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { exitWithError } from "./lib/run";

const USAGE = "usage: npm run db:move -- --to postgresql://USER:PASSWORD@HOST:5432/DATABASE | file:PATH [--from URL] [--batch-size N]";

async function main() {
  let values: { to?: string; from?: string; "batch-size"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" }, "batch-size": { type: "string" }, help: { type: "boolean" } }, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${(error as Error).message.split(". ")[0]}. ${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.to) throw new Error(USAGE);
  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  if (existsSync(".env")) process.loadEnvFile(".env");
  const [{ moveDatabase }, { searchRebuilder }, { createDb }] = await Promise.all([import("../lib/ops/move/move"), import("../lib/ops/move/search"), import("../lib/db")]);
  const result = await moveDatabase({
    from: values.from ?? process.env.DATABASE_URL,
    to: values.to,
    batchSize,
    log: console.log,
    rebuildSearch: searchRebuilder(createDb),
  });
  console.log(
    `Moved ${result.rows} rows in ${result.tables.length} tables in ${result.seconds.toFixed(1)} s${result.resumed ? " (continuing an earlier run)" : ""}; ` +
      `every table's rows and checksum match, and the search index holds ${result.indexed} published ${result.indexed === 1 ? "story" : "stories"}.`,
  );
  console.log("Media files were not copied: they stay in the media storage (the local folder or the S3 bucket) as they are.");
  console.log("To switch, set this in the configuration (.env) and restart the site:");
  console.log(`DATABASE_URL=${result.databaseUrl}`);
}

main().then(
  () => process.exit(0),
  (error) => exitWithError("npm run db:move", error),
);
