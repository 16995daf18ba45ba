import type { ReactNode } from "react";
import { BreakingBanner } from "@/components/site/breaking-banner";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:px-3 focus:py-2 focus:text-black"
      >
        Skip to content
      </a>
      <SiteHeader />
      <BreakingBanner />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 pt-5 pb-8 sm:pt-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
