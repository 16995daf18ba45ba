"use client";

import Link from "next/link";

// Shown when a reader page fails; the details go to the server log, never to the reader.
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-neutral-700 dark:text-neutral-300">This page could not be loaded. Please try again in a moment.</p>
      <p className="mt-6 flex justify-center gap-6">
        <button type="button" onClick={reset} className="font-medium underline underline-offset-4">
          Try again
        </button>
        <Link href="/" className="font-medium underline underline-offset-4">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}
