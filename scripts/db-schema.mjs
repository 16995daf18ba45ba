#!/usr/bin/env node
// Derives each engine's Prisma schema from the one model source, prisma/models.prisma.
// A Prisma schema names one provider, so each engine gets a header (generator + datasource) and the shared models.
//   node scripts/db-schema.mjs          write prisma/<engine>/schema.prisma
//   node scripts/db-schema.mjs --check  exit 1 if a committed schema is out of date
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ENGINES = ["sqlite", "postgresql"];

export function deriveSchema(engine, models) {
  return `// GENERATED from prisma/models.prisma by scripts/db-schema.mjs — edit the models there, then run \`npm run db:schema\`.

generator client {
  provider     = "prisma-client"
  output       = "../../lib/generated/${engine}"
  moduleFormat = "esm"
  runtime      = "nodejs"
}

// The URL comes from prisma.config.ts (DATABASE_URL); Prisma 7 keeps it out of the schema.
datasource db {
  provider = "${engine}"
}

${models.trimEnd()}
`;
}

function main() {
  const check = process.argv.includes("--check");
  const models = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");
  let stale = [];
  for (const engine of ENGINES) {
    const file = path.join(root, "prisma", engine, "schema.prisma");
    const want = deriveSchema(engine, models);
    const have = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (have === want) continue;
    if (check) stale.push(path.relative(root, file));
    else {
      writeFileSync(file, want);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (stale.length) {
    console.error(`Out of date: ${stale.join(", ")}. Run \`npm run db:schema\` after editing prisma/models.prisma.`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
