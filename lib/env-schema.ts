// The schema of BreakingOn's configuration. The app reads the parsed values from lib/env.ts; the command-line
// scripts validate with the same parser before they start anything.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, resolveDatabaseUrl } from "./database-url";

const HOPS_NOTE = { message: "TRUST_PROXY_HOPS must be a whole number from 0 to 10: how many reverse proxies in front of the server" };
const DEV_SECRET_NOTE = "Generate one with: openssl rand -base64 32";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .superRefine((value, ctx) => {
        try {
          resolveDatabaseUrl(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    NEXTAUTH_SECRET: z.string().optional(),
    SITE_URL: z.url({ message: "SITE_URL must be an absolute URL such as https://news.example.com" }).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // How often the publishing scheduler looks for new schedules made outside this server (it also wakes exactly
    // at each known due time). Every instance may run it: each due item is claimed by one. "0" turns it off.
    SCHEDULER_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
    // How often a reader's open live coverage page asks for new entries (seconds; the endpoint is served from cache).
    LIVE_POLL_SECONDS: z.coerce.number().int().min(2).max(300).default(10),
    // Where uploaded images and their resized copies are kept (local disk). Relative paths are from the app folder.
    STORAGE_DIR: z.string().min(1).default("./storage"),
    // How many reverse proxies in front of the server append the address they saw to X-Forwarded-For (nginx:
    // proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for). 0: none, the socket's address is the visitor's,
    // and any X-Forwarded-For a client sends is ignored. Too high a number lets visitors choose their own address.
    TRUST_PROXY_HOPS: z.coerce.number(HOPS_NOTE).int(HOPS_NOTE).min(0, HOPS_NOTE).max(10, HOPS_NOTE).default(0),
    // Several instances (see README, "Running several instances"). Without REDIS_URL pages and data are cached in
    // each server's memory (fine for one server); with it every instance shares one cache in Redis.
    REDIS_URL: z.url({ message: "REDIS_URL must be a URL such as redis://127.0.0.1:6379" }).optional(),
    // Media in an S3-compatible object store (AWS S3, Cloudflare R2, MinIO, Garage) instead of STORAGE_DIR; chosen by
    // setting S3_BUCKET. S3_ENDPOINT for anything but AWS; S3_FORCE_PATH_STYLE=1 for MinIO-like stores.
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ENDPOINT: z.url({ message: "S3_ENDPOINT must be a URL such as http://127.0.0.1:9000" }).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).default("0").transform((v) => v === "1" || v === "true"),
    // Server actions are encrypted with this key; every instance serving one build must share it (32 random bytes,
    // base64). `npm start` generates and keeps one for the embedded quick start, like the session secret.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, {
        message: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 32 random bytes in base64: openssl rand -base64 32",
      })
      .optional(),
    // Email through SMTP (lib/mail): smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465. Without it
    // the newsroom sends nothing and shows invitation and reset links to the admin who made them (and logs them).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be a URL such as smtp://user:pass@smtp.example.com:587 or smtps://…:465")
      .optional(),
    MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as \"BreakingOn <newsroom@example.com>\"").optional(),
    // Names one release: instances with the same DEPLOYMENT_ID serve the same build (read when building).
    DEPLOYMENT_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "DEPLOYMENT_ID may hold letters, digits, '.', '_' and '-' (1–64)").optional(),
    // Operations (README, "Operating BreakingOn"). OPS_TOKEN unlocks /api/metrics and the detail of /api/ready for a
    // monitor sending "Authorization: Bearer <OPS_TOKEN>"; without it /api/metrics answers 404. 32+ random characters.
    OPS_TOKEN: z
      .string()
      .min(32, "OPS_TOKEN must be at least 32 random characters: openssl rand -hex 32")
      .regex(/^[\x21-\x7e]+$/, "OPS_TOKEN may hold printable ASCII characters only (no spaces)")
      .optional(),
    // Logs are one JSON object per line; "pretty" prints readable lines instead (the default when NODE_ENV is development).
    LOG_FORMAT: z.enum(["json", "pretty"], { message: "LOG_FORMAT must be json or pretty" }).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
    // Backups (README, "Backup and restore"): where `npm run backup`, the scheduled backup and `npm start`'s
    // pre-migration backup write their archives; how often the scheduled one runs (hours, 0: never); and how many
    // scheduled archives are kept: the newest of each of the last BACKUP_KEEP_DAILY days and BACKUP_KEEP_WEEKLY weeks.
    BACKUP_DIR: z.string().min(1).default("./backups"),
    BACKUP_EVERY_HOURS: z.coerce.number({ message: "BACKUP_EVERY_HOURS must be a number of hours (0 turns scheduled backups off)" }).int().min(0).max(24 * 7).default(24),
    BACKUP_KEEP_DAILY: z.coerce.number({ message: "BACKUP_KEEP_DAILY must be a whole number" }).int().min(1).max(365).default(7),
    BACKUP_KEEP_WEEKLY: z.coerce.number({ message: "BACKUP_KEEP_WEEKLY must be a whole number" }).int().min(0).max(520).default(4),
    // Outgoing webhooks and WebSub pings refuse private, loopback and link-local addresses; "1" allows them (tests,
    // or receivers on the newsroom's own network). Read where the address is checked (lib/distribution/url-check.ts).
    WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"], { message: "WEBHOOK_ALLOW_PRIVATE must be 0 or 1" }).default("0"),
    // Set by Next.js while it builds; secrets are only demanded of a running server.
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const serving = value.NODE_ENV === "production" && value.NEXT_PHASE !== "phase-production-build";
    if (serving && (!value.NEXTAUTH_SECRET || value.NEXTAUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: `NEXTAUTH_SECRET must be set to a random string of at least 32 characters in production. ${DEV_SECRET_NOTE}`,
      });
    }
  });

export type Env = z.infer<typeof schema> & { SITE_URL: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws one readable line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new EnvError(`Invalid configuration — ${lines.join("; ")}`);
  }
  const data = result.data;
  return {
    ...data,
    SITE_URL: (data.SITE_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ""),
  };
}
