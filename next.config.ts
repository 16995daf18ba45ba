import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { securityHeaders, servedOverHttps } from "./lib/security/headers";

export const nextConfig: NextConfig = {
  // Native and driver packages load from node_modules at run time rather than being bundled; prom-client too, so the
  // whole process shares one copy of it (lib/observability/metrics.mjs).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "redis", "prom-client"],
  poweredByHeader: false,
  // Content-Security-Policy and friends on every response; HSTS only when SITE_URL is https (read at build time,
  // which `npm start` runs with the same environment). See lib/security/headers.ts.
  async headers() {
    const https = servedOverHttps(process.env.SITE_URL);
    return [{ source: "/:path*", headers: securityHeaders({ https, development: process.env.NODE_ENV === "development" }) }];
  },
  // Reader pages are served whole from the cache (ISR) until a write expires a tag they carry. Pages without a
  // dynamic segment would be rendered at build time, which has no database, so their public paths are rewritten to
  // dynamic routes rendered on first request: /, /about and the search landing to app/(site)/fronts/[front], the
  // sitemap index and news sitemap to app/sitemaps/[file], the site card to app/cards/[name]. proxy.ts answers 404
  // for the internal paths themselves.
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/fronts/home" },
        { source: "/about", destination: "/fronts/about" },
        { source: "/search", missing: [{ type: "query", key: "q" }], destination: "/fronts/search" },
        { source: "/sitemap.xml", destination: "/sitemaps/index.xml" },
        { source: "/news-sitemap.xml", destination: "/sitemaps/news.xml" },
        { source: "/opengraph-image", destination: "/cards/site" },
        // Listing pages: ?page=N becomes a path, so each page is cached whole (components/site/listing-route.tsx).
        ...["sections", "tags", "authors"].map((kind) => ({
          source: `/${kind}/:slug`,
          has: [{ type: "query" as const, key: "page", value: "(?<page>.*)" }],
          destination: `/${kind}/:slug/p/:page`,
        })),
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Reader data functions are `"use cache"` with precise tags (lib/dal/*): a page carries the tags of every story it
  // shows, so a write expires exactly the pages showing that story. Not `cacheComponents`: that mode renders every
  // cached route at build time (it refuses an empty generateStaticParams), and the build has no database.
  cacheLife: {
    // Content changes arrive as tag expiries; the hour is only a safety net for anything time-based. `expire` equal to
    // `revalidate`: a longer expire makes Next send `stale-while-revalidate`, and Chrome honours that by showing its
    // stale copy at once (a reader's page, or an open live coverage's refresh, up to a day old; e2e/reader.spec.ts).
    // `stale` is how long the client router reuses a page it has: 30 s, Next's least, for breaking news.
    reader: { stale: 30, revalidate: 3600, expire: 3600 },
    // Answers that must not outlive what they say: a 404 (a story may be published at that address a moment later)
    // and an old slug's redirect (the story may move again). Nothing here is stored by the page cache (404s never
    // are, lib/cache/handler.mjs); the profile sets the s-maxage a CDN sees (lib/seo/brief-answer.ts).
    brief: { stale: 0, revalidate: 10, expire: 10 },
  },
  // Metadata goes in <head> for every client. Next streams it into <body> for user agents outside this list, and a
  // reader page is rendered once for everyone, so whichever client asked first decided where every later reader's
  // <title> went. (proxy.ts gives a request without a User-Agent one, since Next streams for those regardless.)
  htmlLimitedBots: /.*/,
  experimental: {
    // forbidden() / unauthorized() for newsroom pages.
    authInterrupts: true,
    // Media uploads go through a server action: 10 MB images plus form overhead. Each action checks its own limits.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
    // Turbopack keeps its build cache in the dist dir so the next build after a change is quicker (npm start rebuilds
    // only when the sources changed). A build nobody rebuilds (each `npm test` run's, on a fresh clone in CI) skips
    // writing it: NEXT_BUILD_CACHE=0, about 15 s of a build on CI's two cores.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "0",
  },
  // Pages and data are cached in a bounded in-process store, or in Redis shared by every instance when REDIS_URL is
  // set (lib/cache/store.mjs), never on disk; requests for unknown URLs store nothing (lib/cache/handler.mjs).
  cacheHandler: fileURLToPath(new URL("./lib/cache/handler.mjs", import.meta.url)),
  // "use cache" entries go to the same store and tag table (with cacheMaxMemorySize 0 Next's own would keep nothing).
  cacheHandlers: {
    default: fileURLToPath(new URL("./lib/cache/use-cache-handler.mjs", import.meta.url)),
    remote: fileURLToPath(new URL("./lib/cache/use-cache-handler.mjs", import.meta.url)),
  },
  cacheMaxMemorySize: 0,
  // One release, many instances: every instance serving this build names it the same, so a client's assets and
  // server actions match whichever instance answers (README, "Running several instances").
  deploymentId: process.env.DEPLOYMENT_ID || undefined,
  // Lets two builds live side by side (e.g. parallel e2e runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Several people building one working tree at once (each with its own NEXT_DIST_DIR) may skip the type check of
  // each other's half-done files. `npm test` type-checks the whole tree once (tsc) and then sets it for its own builds.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
};

// `"use cache"` without cacheComponents (see cacheLife above) needs the deprecated experimental.useCache flag. Only
// the compiler reads it, so it is set while building (and in `next dev`), not for `next start`, which would otherwise
// print Next's deprecation warning ahead of our own one-line start-up errors on every start.
export default function config(phase: string): NextConfig {
  const compiling = phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER;
  return compiling ? { ...nextConfig, experimental: { ...nextConfig.experimental, useCache: true } } : nextConfig;
}
