import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getSiteSettings } from "@/lib/dal/settings";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return {
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
