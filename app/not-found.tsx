import { NotFoundMessage } from "@/components/site/not-found-message";

// The last resort, outside the reader site's layout: Next renders it once at build time, when there is no database
// to read the site's name, sections or language from. Unmatched URLs do not get here: app/(site)/[...missing]
// answers them with the 404 inside the site's header and footer, rendered on request.
export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <p className="pt-16 text-center font-serif text-3xl font-black tracking-tight">BreakingOn</p>
      <NotFoundMessage />
    </main>
  );
}
