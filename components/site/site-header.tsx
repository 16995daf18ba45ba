import Link from "next/link";
import { getSiteSettings } from "@/lib/dal/settings";

export async function SiteHeader() {
  const site = await getSiteSettings();
  return (
    <header className="border-b-4 border-double border-neutral-900">
      <div className="mx-auto flex max-w-5xl flex-col items-center gap-1 px-4 py-5">
        <Link href="/" className="font-serif text-4xl font-black tracking-tight sm:text-5xl" aria-label={`${site.name} home`}>
          {site.name}
        </Link>
        <p className="text-sm text-neutral-600">{site.description}</p>
      </div>
    </header>
  );
}
