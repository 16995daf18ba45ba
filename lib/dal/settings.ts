import "server-only";
import { getDb } from "@/lib/db";
import { cachedQuery } from "@/lib/cache/cached";
import { TAGS } from "@/lib/cache/tags";

export interface SiteSettingsView {
  name: string;
  description: string;
  publisherDescription: string;
  copyright: string;
  language: string;
  timeZone: string;
  feedFullContent: boolean;
}

const FALLBACK: SiteSettingsView = {
  name: "BreakingOn",
  description: "Independent news.",
  publisherDescription: "",
  copyright: "",
  language: "en",
  timeZone: "UTC",
  feedFullContent: true,
};

/** Publication-wide settings; a database that was never seeded still renders with sensible defaults. */
const cachedSiteSettings = cachedQuery(
  "site-settings",
  async (): Promise<SiteSettingsView> => {
    const row = await getDb().siteSettings.findUnique({
      where: { id: 1 },
      select: {
        name: true,
        description: true,
        publisherDescription: true,
        copyright: true,
        language: true,
        timeZone: true,
        feedFullContent: true,
      },
    });
    return row ?? FALLBACK;
  },
  () => [TAGS.settings],
);

/**
 * Publication-wide settings. While Next.js builds, the few static shells (the unmatched-URL 404) get the defaults:
 * the build never reads a database, so one build serves any database.
 */
export async function getSiteSettings(): Promise<SiteSettingsView> {
  if (process.env.NEXT_PHASE === "phase-production-build") return FALLBACK;
  return cachedSiteSettings();
}
