import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="font-serif text-3xl font-bold tracking-tight">BreakingOn</p>
      <h1 className="mt-8 font-serif text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-neutral-600">The page you asked for does not exist or is no longer available.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium underline underline-offset-4">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
