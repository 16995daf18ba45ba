// Configuration, validated once at start-up (instrumentation.ts imports this). Import `env` instead of reading
// process.env anywhere else.
import { parseEnv, type Env } from "./env-schema";

export const env: Env = parseEnv(process.env);
