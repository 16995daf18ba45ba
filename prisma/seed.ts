// `npx prisma db seed` (wired in prisma.config.ts). With --if-empty it does nothing on a database that already
// has its site settings, so `npm start` can call it on every start without resurrecting deleted content.
import { createDb } from "../lib/db";
import { seedDatabase } from "./seed/seed-database";

async function main() {
  const db = createDb(process.env.DATABASE_URL);
  try {
    if (process.argv.includes("--if-empty") && (await db.siteSettings.count()) > 0) {
      console.log("Seed skipped: the database already has content.");
      return;
    }
    await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error);
  console.error(`Seed failed, nothing was written: ${message}`);
  process.exit(1);
});
