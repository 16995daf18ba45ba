import { z } from "zod";
import { webhookUrlProblem } from "@/lib/distribution/url-check";

/** A BCP 47 language tag in its canonical spelling ("en-gb" → "en-GB"), or null when it is not one. */
export function canonicalLanguageTag(value: string): string | null {
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/** An IANA time zone name in the spelling the runtime uses ("europe/london" → "Europe/London"), or null. */
export function canonicalTimeZone(value: string): string | null {
  if (!value || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zones offered in the settings form: UTC first, then every zone the runtime knows. */
export function timeZoneOptions(current?: string): string[] {
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

// An HTML checkbox sends "on" when ticked and nothing at all when not.
const checkbox = z
  .enum(["on", "true", "false", ""])
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A public https (or http) address, as typed; anything else is refused with the field's message. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** One web address per line (blank lines dropped), at most `max` of them, stored one per line. */
export function urlLines(max: number, message: string) {
  return z
    .string()
    .max(max * 300, `Use at most ${max} addresses.`)
    .default("")
    .transform((value, ctx) => {
      const lines = value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      if (lines.length > max) ctx.addIssue({ code: "custom", message: `Use at most ${max} addresses.` });
      else if (lines.some((line) => line.length > 300 || !isWebAddress(line))) ctx.addIssue({ code: "custom", message });
      return [...new Set(lines)].join("\n");
    });
}

export const TAGLINE_MAX = 80;

export const siteSettingsSchema = z.object({
  name: text(80).min(1, "Enter the site’s name."),
  description: text(300).default(""),
  publisherDescription: text(2000).default(""),
  tagline: text(TAGLINE_MAX).default(""),
  // Stored without the @; letters, digits and underscores, up to 15 (X's own rule).
  twitterHandle: z
    .string()
    .trim()
    .max(16, "Use the handle only, like @example.")
    .default("")
    .transform((value) => value.replace(/^@/, ""))
    .refine((value) => value === "" || /^[A-Za-z0-9_]{1,15}$/.test(value), "Use the handle only, like @example: letters, digits and underscores."),
  sameAs: urlLines(20, "Put one full address per line, like https://www.facebook.com/example."),
  copyright: text(200).default(""),
  language: z
    .string()
    .trim()
    .min(1, "Enter a language tag, like en or en-GB.")
    .max(35, "Use a language tag like en, en-GB or pt-BR.")
    .transform((value, ctx) => {
      const tag = canonicalLanguageTag(value);
      if (tag) return tag;
      ctx.addIssue({ code: "custom", message: "Use a language tag like en, en-GB or pt-BR." });
      return z.NEVER;
    }),
  timeZone: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (zone) return zone;
      ctx.addIssue({ code: "custom", message: "Choose a time zone from the list (an IANA name like Europe/London)." });
      return z.NEVER;
    }),
  feedFullContent: checkbox,
  // Whether the media item exists is checked by the data layer, in the same transaction as the save.
  logoMediaId: z
    .union([z.literal(""), z.string().trim().max(40).regex(/^[a-z0-9]+$/i, "Choose an image from the list.")])
    .default("")
    .transform((value) => value || null),
  requireTwoFactor: checkbox,
  // The WebSub hub the feeds name and every publish pings; empty for none. The same address rules as a webhook's.
  websubHubUrl: z
    .string()
    .trim()
    .default("")
    .superRefine((value, ctx) => {
      const problem = value ? webhookUrlProblem(value) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});

export type SiteSettingsInput = z.output<typeof siteSettingsSchema>;
