import type { NextConfig } from "next";
import { securityHeaders, servedOverHttps } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native and driver packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // Content-Security-Policy and friends on every response; HSTS only when SITE_URL is https (read at build time,
  // which `npm start` runs with the same environment). See lib/security/headers.ts.
  async headers() {
    const https = servedOverHttps(process.env.SITE_URL);
    return [{ source: "/:path*", headers: securityHeaders({ https, development: process.env.NODE_ENV === "development" }) }];
  },
  experimental: {
    // forbidden() / unauthorized() for newsroom pages.
    authInterrupts: true,
    // Media uploads go through a server action: 10 MB images plus form overhead. Each action checks its own limits.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  // Lets two builds live side by side (e.g. parallel e2e runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
