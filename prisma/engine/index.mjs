// Chooses the schema engine for the Prisma CLI. Call enableWasmSchemaEngineIfNeeded() from prisma.config.ts: the CLI
// loads the config before it looks for (or tries to download) the native schema engine, so the env var set here is
// seen by `prisma migrate …`, `prisma db …`, `prisma generate` and `prisma version`.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the executable that stands in for the native `schema-engine` binary. */
export const WASM_SCHEMA_ENGINE_PATH = fileURLToPath(new URL("./schema-engine.mjs", import.meta.url));

/**
 * Points PRISMA_SCHEMA_ENGINE_BINARY at the wasm stand-in, unless the stock setup already has an engine: the
 * variable is set already, or a native `schema-engine-*` binary sits where the CLI looks for one.
 * @param {{ env?: Record<string, string | undefined>, searchDirs?: string[] }} [options] For tests; defaults are
 *   process.env and the CLI's own search folders.
 * @returns {"env" | "native" | "wasm"} Which engine the CLI will use.
 */
export function enableWasmSchemaEngineIfNeeded({ env = process.env, searchDirs = nativeEngineDirs() } = {}) {
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return "env";
  if (searchDirs.some(hasNativeSchemaEngine)) return "native";
  try {
    fs.accessSync(WASM_SCHEMA_ENGINE_PATH, fs.constants.X_OK);
  } catch {
    // The CLI spawns the file directly; a checkout or archive may have dropped its executable bit.
    fs.chmodSync(WASM_SCHEMA_ENGINE_PATH, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = WASM_SCHEMA_ENGINE_PATH;
  return "wasm";
}

/** @param {string} dir */
function hasNativeSchemaEngine(dir) {
  try {
    // Ignore download leftovers (.gz, .sha256, .tmp…): only a finished binary counts.
    return fs
      .readdirSync(dir)
      .some((name) => /^schema-engine-[\w.-]+?(\.exe)?$/.test(name) && !/\.(gz|sha256|tmp\d*)$/.test(name));
  } catch {
    return false;
  }
}

/** Where the CLI looks for a native engine: the @prisma/engines package, then the prisma package. */
function nativeEngineDirs() {
  const require = createRequire(import.meta.url);
  /** @type {string[]} */
  const dirs = [];
  for (const pkg of ["@prisma/engines/package.json", "prisma/package.json"]) {
    try {
      dirs.push(path.dirname(require.resolve(pkg)));
    } catch {
      // Not installed: nothing to find there.
    }
  }
  return dirs;
}
