import { getSiteSettings } from "@/lib/dal/settings";
import { env } from "@/lib/env";
import { OG_IMAGE_CONTENT_TYPE, OG_IMAGE_SIZE, siteOgImage } from "@/lib/seo/og-image";

// The card shows the site's current name and description, read when requested rather than at build time.
export const dynamic = "force-dynamic";

export const alt = "The publication's name and description";
export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_CONTENT_TYPE;

export default async function Image() {
  const site = await getSiteSettings();
  return siteOgImage({ siteName: site.name, description: site.description, host: new URL(env.SITE_URL).host });
}
