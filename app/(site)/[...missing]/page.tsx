import type { Metadata } from "next";
import { NotFoundPage } from "@/components/site/not-found-page";
import { notFoundMetadata } from "@/lib/seo/metadata";

// Every address no other route matches. Without this route Next answers them with app/not-found.tsx, which it
// renders once at build time (no database then), so it could show neither the site's sections nor its settings;
// here the 404 is rendered on request inside the site's header and footer (components/site/not-found-page.tsx).
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ missing: string[] }[]> {
  return [];
}

export function generateMetadata(): Metadata {
  return notFoundMetadata();
}

export default function MissingPage() {
  return <NotFoundPage />;
}
