import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getSiteSettings } from "@/lib/dal/settings";
import { env } from "@/lib/env";
import "./globals.css";

// Every page reads the database at request time (never at build time), so one build serves any database and
// never shows stale news. The reader site's tag cache will replace this.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: site.name, template: `%s | ${site.name}` },
    description: site.description,
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const site = await getSiteSettings();
  return (
    <html lang={site.language}>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
