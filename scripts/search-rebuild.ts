// `npm run search:rebuild`: empties and refills the reader search index of the database DATABASE_URL names, and
// checks that the triggers which keep it in step with article changes are in place. Prints one line.
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db";
import { rebuildSearchIndex } from "../lib/search";
import { checkDatabase, databaseTarget } from "./lib/prepare";
import { exitWithError, StepError } from "./lib/run";

async function main() {
  // The same configuration the app and the Prisma CLI see.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const target = databaseTarget();
  if (target.engine === "sqlite" && !existsSync(target.file)) {
    const shown = path.relative(process.cwd(), target.file);
    throw new StepError(
      `there is no database at ${shown.startsWith("..") ? target.file : shown}; run npm start (or npx prisma migrate deploy) first`,
    );
  }
  await checkDatabase(target);
  const db = createDb(target.url);
  try {
    const count = await rebuildSearchIndex(db, target.engine);
    console.log(`search:rebuild: indexed ${count} published ${count === 1 ? "story" : "stories"} (${target.engine})`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => exitWithError("search:rebuild", error));
