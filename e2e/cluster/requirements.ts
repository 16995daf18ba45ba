// What the cluster test needs on the machine beyond node_modules: Debian's nginx, PostgreSQL's server binaries,
// redis-server and Chromium. `npm test` skips the stage, with this reason, where one is missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { NGINX_BIN } from "./nginx";
import { CHROMIUM } from "./newsroom";
import { postgresBinDir } from "./services";

/** The summary `npm run test:cluster` writes and `npm test` adds to its tally. */
export const CLUSTER_REPORT = "test-results/cluster.json";

export interface ClusterReport {
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
  results: { name: string; ok: boolean; ms: number; detail: string }[];
}

/** Why the cluster test cannot run on this machine (a missing tool), or null. */
export function clusterToolsMissing(): string | null {
  const missing = [
    ...(existsSync(NGINX_BIN) ? [] : [`nginx (${NGINX_BIN}; Debian package nginx)`]),
    ...(postgresBinDir() ? [] : ["PostgreSQL server binaries (initdb; Debian package postgresql)"]),
    ...(spawnSync("redis-server", ["--version"]).status === 0 ? [] : ["redis-server (Debian package redis-server)"]),
    ...(existsSync(CHROMIUM) ? [] : [`Chromium (${CHROMIUM})`]),
  ];
  return missing.length ? `missing ${missing.join(", ")}` : null;
}
