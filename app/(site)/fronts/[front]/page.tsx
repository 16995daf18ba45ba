import type { Metadata } from "next";
import { notFound } from "next/navigation";
import AboutPage, { aboutMetadata } from "@/components/site/fronts/about";
import HomePage, { homeMetadataNow } from "@/components/site/fronts/home";
import { searchMetadata, SearchView } from "@/components/site/fronts/search";

type Props = { params: Promise<{ front: string }> };

// The pages with no parameter of their own: `/`, `/about` and the search landing. next.config.ts rewrites their public
// paths here, so they are rendered on first request and then served whole from the cache like every other reader
// page: a static route would be rendered at build time, which has no database. proxy.ts hides /fronts/* itself.
const FRONTS = {
  home: { metadata: homeMetadataNow, Page: HomePage },
  about: { metadata: aboutMetadata, Page: AboutPage },
  search: { metadata: async () => searchMetadata(""), Page: () => <SearchView q="" page={1} /> },
} as const;

type Front = keyof typeof FRONTS;

function isFront(name: string): name is Front {
  return Object.hasOwn(FRONTS, name);
}

export async function generateStaticParams(): Promise<{ front: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { front } = await params;
  return isFront(front) ? FRONTS[front].metadata() : {};
}

export default async function FrontPage({ params }: Props) {
  const { front } = await params;
  if (!isFront(front)) notFound();
  const { Page } = FRONTS[front];
  return <Page />;
}
