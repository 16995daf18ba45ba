import type { Metadata } from "next";
import type { ReactNode } from "react";

// Every newsroom page depends on who is asking and on live data: never prerender or cache one.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s · Newsroom" },
  robots: { index: false, follow: false },
};

export default function AdminRootLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-neutral-50 text-neutral-900 dark:bg-neutral-950 dark:text-neutral-100">{children}</div>;
}
