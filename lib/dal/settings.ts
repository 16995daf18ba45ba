import "server-only";
import { getDb } from "@/lib/db";

export interface SiteSettingsView {
  name: string;
  description: string;
  publisherDescription: string;
  copyright: string;
  language: string;
  timeZone: string;
}

const FALLBACK: SiteSettingsView = {
  name: "BreakingOn",
  description: "Independent news.",
  publisherDescription: "",
  copyright: "",
  language: "en",
  timeZone: "UTC",
};

/** Publication-wide settings; a database that was never seeded still renders with sensible defaults. */
export async function getSiteSettings(): Promise<SiteSettingsView> {
  const row = await getDb().siteSettings.findUnique({
    where: { id: 1 },
    select: { name: true, description: true, publisherDescription: true, copyright: true, language: true, timeZone: true },
  });
  return row ?? FALLBACK;
}
