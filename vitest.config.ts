import path from "node:path";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./lib/testing/vitest-sequencer";
import { splitByIsolation } from "./lib/testing/vitest-isolation";

// Files that replace modules or process-wide state run in a worker of their own; the rest share workers, which
// saves each of them a Node start and a fresh import of everything (lib/testing/vitest-isolation.ts).
const { shared, isolated } = splitByIsolation(import.meta.dirname);

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The DAL's `import "server-only"` guards against client bundles; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-noop.ts"),
      // No Next.js server under Vitest: cached queries run directly and invalidations are recorded.
      "next/cache": path.resolve(import.meta.dirname, "lib/testing/next-cache-stub.ts"),
    },
  },
  test: {
    // Each engine migrated once per run; every test database is a copy (lib/testing/database-templates.ts).
    globalSetup: ["lib/testing/database-templates.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two files at a time: every database test makes its own database (SQLite file or PostgreSQL database with a
    // random name), Redis tests their own key prefix, server tests their own ports; most time is waiting on the
    // databases, so two workers on two cores nearly halve the run. VITEST_SERIAL=1 runs one file at a time.
    fileParallelism: process.env.VITEST_SERIAL !== "1",
    maxWorkers: 2,
    // The longest files first, so the two workers finish together (lib/testing/vitest-sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { extends: true, test: { name: "shared", include: shared, isolate: false } },
      { extends: true, test: { name: "isolated", include: isolated } },
    ],
  },
});
