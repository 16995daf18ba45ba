import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and driver packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // Lets two builds live side by side (e.g. parallel e2e runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
