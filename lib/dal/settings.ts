import "server-only";
import { getDb } from "@/lib/db";
import { keepFor } from "@/lib/cache/keep";
import { TAGS } from "@/lib/cache/tags";
import { invalidateSettings } from "@/lib/cache/invalidate";
import type { SiteSettingsInput } from "@/lib/validation/settings";
import { recordAudit } from "./audit";
import { changedFields } from "./audit-log";
import { ValidationError } from "./errors";
import { requestAddress, requirePermission } from "./session";

export interface SiteSettingsView {
  name: string;
  description: string;
  publisherDescription: string;
  /** The short line under the wordmark (at most 80 characters); empty when none is set. */
  tagline: string;
  /** The X/Twitter account without the @, or empty. */
  twitterHandle: string;
  copyright: string;
  language: string;
  timeZone: string;
  feedFullContent: boolean;
  /** The publication's logo, when one is chosen in the newsroom's settings. */
  logo: { src: string; width: number; height: number } | null;
  /** The organisation's profiles elsewhere (JSON-LD sameAs). */
  sameAs: string[];
}

const FALLBACK: SiteSettingsView = {
  name: "BreakingOn",
  description: "Independent news.",
  publisherDescription: "",
  tagline: "",
  twitterHandle: "",
  copyright: "",
  language: "en",
  timeZone: "UTC",
  feedFullContent: true,
  logo: null,
  sameAs: [],
};

/** Publication-wide settings; a database that was never seeded still renders with sensible defaults. */
async function cachedSiteSettings(): Promise<SiteSettingsView> {
  "use cache";
  keepFor(TAGS.settings);
  const row = await getDb().siteSettings.findUnique({
    where: { id: 1 },
    select: {
      name: true,
      description: true,
      publisherDescription: true,
      tagline: true,
      twitterHandle: true,
      sameAs: true,
      copyright: true,
      language: true,
      timeZone: true,
      feedFullContent: true,
      logoMedia: { select: { storageKey: true, width: true, height: true } },
    },
  });
  if (!row) return FALLBACK;
  const { logoMedia, sameAs, ...rest } = row;
  return { ...rest, sameAs: sameAs.split("\n").filter(Boolean), logo: logoMedia ? { src: `/media/${logoMedia.storageKey}`, width: logoMedia.width, height: logoMedia.height } : null };
}

/**
 * Publication-wide settings. While Next.js builds, the few static shells (the unmatched-URL 404) get the defaults:
 * the build never reads a database, so one build serves any database.
 */
export async function getSiteSettings(): Promise<SiteSettingsView> {
  if (process.env.NEXT_PHASE === "phase-production-build") return FALLBACK;
  return cachedSiteSettings();
}

// ——— Editing (the newsroom's settings page) ———

export interface SiteSettingsEdit extends Omit<SiteSettingsView, "logo" | "sameAs"> {
  /** One address per line, as the form shows it. */
  sameAs: string;
  logoMediaId: string | null;
  requireTwoFactor: boolean;
  /** The WebSub hub feeds name and publishes ping (lib/distribution); empty for none. */
  websubHubUrl: string;
}

const EDITABLE_FIELDS = [
  "name",
  "description",
  "publisherDescription",
  "tagline",
  "twitterHandle",
  "sameAs",
  "copyright",
  "language",
  "timeZone",
  "feedFullContent",
  "logoMediaId",
  "requireTwoFactor",
  "websubHubUrl",
] as const satisfies readonly (keyof SiteSettingsEdit)[];

const editSelect = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, true])) as Record<(typeof EDITABLE_FIELDS)[number], true>;

/** Every setting as it stands, for the settings form (uncached: the form must show what is stored). */
export async function getSettingsForEdit(): Promise<SiteSettingsEdit> {
  await requirePermission("settings.manage", { entityType: "SiteSettings", entityId: "1" });
  const row = await getDb().siteSettings.findUnique({ where: { id: 1 }, select: editSelect });
  return row ?? { ...FALLBACK, sameAs: "", logoMediaId: null, requireTwoFactor: false, websubHubUrl: "" };
}

export interface LogoChoice {
  id: string;
  label: string;
  width: number;
  height: number;
}

const LOGO_CHOICES = 200;

/** Images in the media library that can serve as the logo, newest first (the current logo always included). */
export async function listLogoChoices(): Promise<LogoChoice[]> {
  await requirePermission("settings.manage", { entityType: "SiteSettings", entityId: "1" });
  const db = getDb();
  const select = { id: true, originalName: true, alt: true, width: true, height: true } as const;
  const [recent, current] = await Promise.all([
    db.media.findMany({ where: { mimeType: { startsWith: "image/" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LOGO_CHOICES, select }),
    db.siteSettings.findUnique({ where: { id: 1 }, select: { logoMedia: { select } } }),
  ]);
  const rows = current?.logoMedia && !recent.some((row) => row.id === current.logoMedia?.id) ? [current.logoMedia, ...recent] : recent;
  return rows.map((row) => ({
    id: row.id,
    label: `${row.alt || row.originalName} (${row.width}×${row.height})`,
    width: row.width,
    height: row.height,
  }));
}

/**
 * Saves the settings form. Audited with the before/after of each changed field; reader pages are expired when
 * anything changed. Requiring two-factor sign-in is refused while the acting admin has not enrolled themselves,
 * so the switch cannot lock out the person flipping it.
 */
export async function updateSiteSettings(input: SiteSettingsInput): Promise<{ changed: string[] }> {
  const user = await requirePermission("settings.manage", { entityType: "SiteSettings", entityId: "1" });
  const ip = await requestAddress().catch(() => null);
  const changes = await getDb().$transaction(async (tx) => {
    const before = (await tx.siteSettings.findUnique({ where: { id: 1 }, select: editSelect })) ?? {
      ...FALLBACK,
      sameAs: "",
      logoMediaId: null,
      requireTwoFactor: false,
      websubHubUrl: "",
    };
    if (input.requireTwoFactor && !before.requireTwoFactor && !user.twoFactorEnabled) {
      throw new ValidationError("Set up two-factor sign-in for your own account first.", {
        requireTwoFactor: ["You have not set up two-factor sign-in yourself. Set it up under Account → Security, then turn this on."],
      });
    }
    if (input.logoMediaId && input.logoMediaId !== before.logoMediaId) {
      const media = await tx.media.findUnique({ where: { id: input.logoMediaId }, select: { mimeType: true } });
      if (!media?.mimeType.startsWith("image/")) {
        throw new ValidationError("Check the highlighted fields.", { logoMediaId: ["That image is no longer in the media library; choose another."] });
      }
    }
    const after: SiteSettingsEdit = { ...before, ...input };
    const changes = changedFields(before, after, EDITABLE_FIELDS);
    if (Object.keys(changes).length === 0) return changes;
    const data = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, after[field]])) as Pick<SiteSettingsEdit, (typeof EDITABLE_FIELDS)[number]>;
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit({ actorId: user.id, action: "settings.update", entityType: "SiteSettings", entityId: "1", details: { changes }, ip }, tx);
    return changes;
  });
  const changed = Object.keys(changes);
  if (changed.length > 0) await invalidateSettings();
  return { changed };
}
