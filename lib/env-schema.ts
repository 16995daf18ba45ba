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
    // at each known due time). "0" turns the scheduler off, e.g. on extra replicas.
    SCHEDULER_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
    // Where this server reaches itself (the scheduler expires reader caches through it). Default: loopback on PORT.
    INTERNAL_URL: z.url().optional(),
    // Where uploaded images and their resized copies are kept (local disk). Relative paths are from the app folder.
    STORAGE_DIR: z.string().min(1).default("./storage"),
    // How many reverse proxies in front of the server append the address they saw to X-Forwarded-For (nginx:
    // proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for). 0: none, the socket's address is the visitor's,
    // and any X-Forwarded-For a client sends is ignored. Too high a number lets visitors choose their own address.
    TRUST_PROXY_HOPS: z.coerce.number(HOPS_NOTE).int(HOPS_NOTE).min(0, HOPS_NOTE).max(10, HOPS_NOTE).default(0),
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

export type Env = z.infer<typeof schema> & { SITE_URL: string; INTERNAL_URL: string };

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
    INTERNAL_URL: (data.INTERNAL_URL ?? `http://127.0.0.1:${data.PORT}`).replace(/\/+$/, ""),
  };
}
