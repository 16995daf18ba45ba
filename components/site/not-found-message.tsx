import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-neutral-700 dark:text-neutral-300">The page you asked for does not exist or is no longer available.</p>
      <p className="mt-6 flex justify-center gap-6">
        <Link href="/" className="font-medium underline underline-offset-4">
          Go to the front page
        </Link>
        <Link href="/search" className="font-medium underline underline-offset-4">
          Search the site
        </Link>
      </p>
    </div>
  );
}
