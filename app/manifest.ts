import type { MetadataRoute } from "next";
import { getSiteSettings } from "@/lib/dal/settings";
import { MARK_PAPER } from "@/lib/brand/default-mark";

// Read per request, since the build has no database; getSiteSettings is cached until the settings change.
export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const site = await getSiteSettings();
  return {
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: site.language,
    start_url: "/",
    scope: "/",
    display: "minimal-ui",
    theme_color: MARK_PAPER,
    background_color: MARK_PAPER,
    // /apple-icon is drawn from the logo when one is set; /icon.svg is always the default mark.
    icons: [
      ...(site.logo ? [] : [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" as const }]),
      { src: "/apple-icon", sizes: "180x180", type: "image/png", purpose: "any" },
    ],
  };
}
