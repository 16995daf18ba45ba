// Loaded with `node --import` for bench/data-layer.ts: outside a Next.js server `next/cache` has no cache to talk to,
// so it resolves to the Vitest stand-in (lib/testing/next-cache-stub.ts) and `"use cache"` functions simply run,
// which is exactly the work a cache miss does.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      const stub = ${JSON.stringify(new URL("../lib/testing/next-cache-stub.ts", import.meta.url).href)};
      export async function resolve(specifier, context, next) {
        if (specifier === "next/cache" || specifier === "next/cache.js") return { url: stub, shortCircuit: true };
        return next(specifier, context);
      }`),
);
