// The server's log: one JSON object per line on stdout (pino), for journald, Docker or any log shipper; readable
// lines instead (pino-pretty) in development or with LOG_FORMAT=pretty. README, "Operating BreakingOn" → "Logs".
//
// Secrets never reach it: whatever object is logged, these keys are replaced by "[redacted]" at any depth up to
// three levels (request headers, a form's fields, an error's details). A message string is written as given, so
// never put a secret into one.
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "sessionToken",
  "accessToken",
  "refreshToken",
  "secret",
  "totpSecret",
  "otp",
  "totp",
  "totpCode",
  "cookie",
  "set-cookie",
  "authorization",
  "x-ops-token",
  "apiKey",
  "NEXTAUTH_SECRET",
  "S3_SECRET_ACCESS_KEY",
  "SMTP_URL",
  "OPS_TOKEN",
];

/** Every secret key at the top level and under one or two levels of objects (pino's redact paths take `*` per level). */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (step.startsWith("[") ? `${prefix}${step}` : `${prefix}.${step}`);
  return [step.startsWith("[") ? step : key, join("*"), join("*.*")];
});

export interface LoggerOptions {
  /** Readable lines instead of JSON. Default: NODE_ENV is development or LOG_FORMAT is pretty. */
  pretty?: boolean;
  level?: string;
  /** Where lines go (tests pass a stream); default stdout. */
  destination?: DestinationStream;
}

// Read from process.env rather than lib/env.ts: the logger must work before configuration is validated (to report
// that it is not) and in tools that never load it. lib/env-schema.ts still validates LOG_FORMAT and LOG_LEVEL at start.
export function wantsPretty(source: Record<string, string | undefined> = process.env): boolean {
  if (source.LOG_FORMAT === "json") return false;
  return source.LOG_FORMAT === "pretty" || source.NODE_ENV === "development";
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const readable = options.pretty ?? wantsPretty();
  // pino-pretty as a stream in this thread, not as a transport: transports start worker threads that load modules by
  // path, which Next's bundles do not keep.
  const destination = readable ? pretty({ destination: options.destination ?? 1, sync: true, colorize: !options.destination, ignore: "pid,hostname" }) : options.destination;
  const settings = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    base: { service: "breakingon" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(settings, destination) : pino(settings);
}

const KEY = Symbol.for("breakingon.logger");

/** The process's logger, shared by every bundle that imports this module (kept on globalThis like the metrics). */
export function logger(): Logger {
  const global = globalThis as Record<symbol, Logger | undefined>;
  return (global[KEY] ??= createLogger());
}
