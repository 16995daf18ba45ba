import { siteIconPng } from "@/lib/brand/site-icon";

// Drawn per request from the logo setting (the build has no database); browsers and iOS keep it for a day.
export const dynamic = "force-dynamic";
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default async function AppleIcon(): Promise<Response> {
  const png = await siteIconPng(size.width);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=86400" } });
}
