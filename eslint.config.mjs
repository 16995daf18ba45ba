import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const GENERATED_CLIENT = ["@/lib/generated/*", "**/generated/sqlite/*", "**/generated/postgresql/*"];
const DB_DOOR = ["@/lib/db", "**/lib/db", "../db", "./db"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next*/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // `const { secret: _secret, ...rest } = env` drops a key on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // House rule: one door to the database. Only lib/db.ts imports the generated clients ...
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["lib/db.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: GENERATED_CLIENT, message: "Only lib/db.ts imports the generated Prisma client." },
            { group: DB_DOOR, message: "Only the data layer (lib/dal/**), the seed and tests import lib/db.ts." },
          ],
        },
      ],
    },
  },
  {
    // ... and only the data layer, the seed and database tests go through that door.
    files: ["lib/dal/**", "prisma/**", "lib/testing/**", "**/*.test.ts", "scripts/**", "e2e/**", "bench/**"],
    ignores: [],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: GENERATED_CLIENT, message: "Only lib/db.ts imports the generated Prisma client." }] },
      ],
    },
  },
]);
