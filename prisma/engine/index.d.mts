/** Absolute path of the executable that stands in for the native `schema-engine` binary. */
export declare const WASM_SCHEMA_ENGINE_PATH: string;

/**
 * Points PRISMA_SCHEMA_ENGINE_BINARY at the wasm stand-in unless the variable is already set or a native
 * schema engine is installed. Returns which engine the Prisma CLI will use.
 */
export declare function enableWasmSchemaEngineIfNeeded(options?: {
  env?: Record<string, string | undefined>;
  searchDirs?: string[];
}): "env" | "native" | "wasm";
