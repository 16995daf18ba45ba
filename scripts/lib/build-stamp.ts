// What a build was made from, so `npm start` rebuilds only when that changed. The record (the "stamp") lives inside
// the build's own folder and is written only after a successful build, so a failed or interrupted build never looks
// current.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const STAMP_FILE = "breakingon-build.json";

/** Folders and files whose content goes into the build. Tests beside the code are left out: no build imports them. */
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tailwind.config.js",
  // Next reads these while building (NEXT_PUBLIC_* values are inlined into the browser code).
  ".env",
  ".env.production",
  ".env.local",
  ".env.production.local",
];
const SKIPPED_FILE = /\.(test|spec)\.[cm]?[jt]sx?$|^\.DS_Store$/;

/**
 * Configuration read while building. next.config.ts is scanned too, so a variable it starts reading is covered without
 * anyone remembering this list. NEXT_DIST_DIR only says where the build goes (its stamp lives there).
 */
const BUILD_ENV = ["NODE_ENV", "SITE_URL", "DEPLOYMENT_ID", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "NEXT_DIST_DIR"];

/** An environment as read (process.env or a copy with changes). */
export type EnvSource = Record<string, string | undefined>;

export interface BuildInputs {
  /** Content hash per source folder or file ("-" when absent). */
  sources: Record<string, string>;
  /** Hash per build-time variable ("unset" when absent); values themselves (secrets) are never stored. */
  env: Record<string, string>;
}

export interface BuildStamp {
  version: 1;
  inputs: BuildInputs;
  /** The DEPLOYMENT_ID the build was made with; instances serving it use the same one. */
  deploymentId: string;
  builtAt: string;
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Next adds its dist folders' type paths to tsconfig.json on every build; they say nothing about the sources. */
export function normalisedTsconfig(text: string): string {
  try {
    const config = JSON.parse(text) as { include?: unknown };
    if (Array.isArray(config.include)) {
      config.include = config.include.filter((entry) => !(typeof entry === "string" && /(^|\/)(dev\/)?types\/\*\*\/\*\.ts$/.test(entry)));
    }
    return JSON.stringify(config);
  } catch {
    return text;
  }
}

function hashDir(root: string, dir: string): string {
  const hash = createHash("sha256");
  const walk = (relative: string) => {
    const entries = readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !SKIPPED_FILE.test(entry.name)) {
        hash.update(`${child}\0${sha256(readFileSync(path.join(root, child)))}\0`);
      }
    }
  };
  walk(dir);
  return hash.digest("hex");
}

export function buildEnvNames(root: string, env: EnvSource): string[] {
  const configFile = path.join(root, "next.config.ts");
  const fromConfig = existsSync(configFile) ? [...readFileSync(configFile, "utf8").matchAll(/process\.env\.([A-Z0-9_]+)/g)].map((m) => m[1]) : [];
  const publicNames = Object.keys(env).filter((name) => name.startsWith("NEXT_PUBLIC_"));
  // NEXT_BUILD_CACHE decides whether Turbopack keeps its cache, which changes how long a build takes, not what it makes.
  return [...new Set([...BUILD_ENV, ...fromConfig, ...publicNames])].filter((name) => name !== "NEXT_BUILD_CACHE").sort();
}

export function buildInputs(root: string, env: EnvSource): BuildInputs {
  const sources: Record<string, string> = {};
  for (const dir of SOURCE_DIRS) sources[`${dir}/`] = existsSync(path.join(root, dir)) ? hashDir(root, dir) : "-";
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (!existsSync(full)) sources[file] = "-";
    else {
      const text = readFileSync(full, "utf8");
      sources[file] = sha256(file === "tsconfig.json" ? normalisedTsconfig(text) : text);
    }
  }
  const hashedEnv: Record<string, string> = {};
  for (const name of buildEnvNames(root, env)) hashedEnv[name] = env[name] === undefined ? "unset" : sha256(`${name}=${env[name]}`).slice(0, 16);
  return { sources, env: hashedEnv };
}

/**
 * A DEPLOYMENT_ID for builds not given one: the same for every build of the same sources and settings (so separate
 * builds of one release agree), a new one for every release (so Next's skew protection sees the change).
 */
export function derivedDeploymentId(inputs: BuildInputs): string {
  const { DEPLOYMENT_ID: _given, NEXT_DIST_DIR: _where, ...env } = inputs.env;
  return `b-${sha256(JSON.stringify({ sources: inputs.sources, env })).slice(0, 16)}`;
}

/** What differs between a build's inputs and the current ones, as short names ("lib/", "SITE_URL"); empty if none. */
export function changedInputs(before: BuildInputs, now: BuildInputs): string[] {
  const changed: string[] = [];
  for (const group of ["sources", "env"] as const) {
    const names = new Set([...Object.keys(before[group]), ...Object.keys(now[group])]);
    for (const name of [...names].sort()) {
      if ((before[group][name] ?? "unset") !== (now[group][name] ?? "unset")) changed.push(name);
    }
  }
  return changed;
}

export function stampPath(distDir: string): string {
  return path.join(distDir, STAMP_FILE);
}

export function readStamp(distDir: string): BuildStamp | null {
  try {
    const stamp = JSON.parse(readFileSync(stampPath(distDir), "utf8")) as BuildStamp;
    return stamp.version === 1 && stamp.inputs?.sources && stamp.inputs?.env ? stamp : null;
  } catch {
    return null;
  }
}

export function writeStamp(distDir: string, stamp: BuildStamp): void {
  writeFileSync(stampPath(distDir), JSON.stringify(stamp, null, 2) + "\n");
}

export function removeStamp(distDir: string): void {
  rmSync(stampPath(distDir), { force: true });
}

/** A finished Next build leaves BUILD_ID in its folder. */
export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(distDir, "BUILD_ID"));
}

export type BuildMode = "auto" | "always" | "never";

export type BuildDecision = { build: true; reason: string } | { build: false; reason: string; stale: string[] };

/** Whether to build, and one line saying why. */
export function decideBuild(mode: BuildMode, distDir: string, inputs: BuildInputs): BuildDecision {
  const stamp = hasBuild(distDir) ? readStamp(distDir) : null;
  const stale = stamp ? changedInputs(stamp.inputs, inputs) : [];
  if (mode === "always") return { build: true, reason: "--build was given" };
  if (mode === "never") {
    return { build: false, reason: "--no-build was given", stale: hasBuild(distDir) && !stamp ? ["unknown (no build record)"] : stale };
  }
  if (!hasBuild(distDir)) return { build: true, reason: `there is no build in ${distDir} yet` };
  if (!stamp) return { build: true, reason: `the build in ${distDir} has no record of its sources` };
  if (stale.length > 0) return { build: true, reason: `changed since the last build: ${summarise(stale)}` };
  return { build: false, reason: "nothing changed since the last build", stale: [] };
}

export function summarise(names: string[]): string {
  return names.length <= 6 ? names.join(", ") : `${names.slice(0, 6).join(", ")} and ${names.length - 6} more`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One build at a time into a folder on this machine: two `npm start`s building into one folder would wreck each
 * other's output. Waits while another live process holds the lock (a dead holder's lock is taken over) and resolves
 * with a release function and whether it had to wait (then the other process probably built what we wanted).
 */
export async function acquireBuildLock(distDir: string, log: (line: string) => void, pollMs = 1000): Promise<{ release: () => void; waited: boolean }> {
  const lock = `${distDir.replace(/\/+$/, "")}.build-lock`;
  let waited = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return { release: () => rmSync(lock, { force: true }), waited };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(lock, "utf8").trim());
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (!waited) log(`Another npm start (pid ${holder}) is building into ${distDir}; waiting for it.`);
    waited = true;
    await sleep(pollMs);
  }
}
