import path from "node:path";
import { defineConfig } from "vitest/config";

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
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database tests create their own databases; run files one at a time on our 2 cores.
    fileParallelism: false,
  },
});
