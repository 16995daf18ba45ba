import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and driver packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
