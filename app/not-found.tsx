import { NotFoundMessage } from "@/components/site/not-found-message";

// A URL no route matches.
export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <p className="pt-16 text-center font-serif text-3xl font-black tracking-tight">BreakingOn</p>
      <NotFoundMessage />
    </main>
  );
}
