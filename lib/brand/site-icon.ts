import "server-only";
import sharp from "sharp";
import { getSiteSettings } from "@/lib/dal/settings";
import { getMediaStorage } from "@/lib/media/storage";
import { renditionCandidates } from "@/lib/media/variants";
import { MARK_PAPER, markSvg } from "./default-mark";

/** The logo chosen in the newsroom's settings, as stored (its default rendition), or null. */
async function logoBytes(): Promise<Buffer | null> {
  const site = await getSiteSettings();
  const segments = site.logo?.src.replace(/^\/media\//, "").split("/");
  const candidates = segments ? renditionCandidates(segments) : null;
  if (!candidates) return null;
  const storage = getMediaStorage();
  for (const { objectKey } of candidates) {
    const bytes = await storage.get(objectKey);
    if (bytes) return bytes;
  }
  return null;
}

/**
 * A square, opaque PNG icon of `size` pixels: the site's logo fitted on white with a margin when one is set (and
 * readable), otherwise the default mark. Opaque because iOS and Android draw their own rounded mask over it.
 */
export async function siteIconPng(size: number): Promise<Buffer> {
  const logo = await logoBytes().catch(() => null);
  if (logo) {
    const inner = Math.round(size * 0.8);
    const fitted = await sharp(logo).resize(inner, inner, { fit: "contain", background: MARK_PAPER }).flatten({ background: MARK_PAPER }).png().toBuffer();
    return sharp({ create: { width: size, height: size, channels: 3, background: MARK_PAPER } })
      .composite([{ input: fitted, gravity: "center" }])
      .png()
      .toBuffer();
  }
  return sharp(Buffer.from(markSvg({ size, rounded: false }))).png().toBuffer();
}
