import { Suspense } from "react";
import { notFound } from "next/navigation";
import { answerBriefly } from "@/lib/seo/brief-answer";
import { NotFoundMessage } from "./not-found-message";

/** Throws inside its own Suspense boundary: the page around it is rendered whole, and the response becomes a 404. */
async function NotFoundStatus(): Promise<never> {
  notFound();
}

/**
 * What a reader route renders for an address with nothing there: the message, inside the site's header and footer,
 * server-rendered and answered with status 404 and a short lifetime.
 *
 * Why not notFound() in the page: these routes are rendered on demand for the cache (generateStaticParams returns
 * [], dynamicParams), and Next.js 16.4 renders a notFound() thrown outside any Suspense boundary during such a
 * render as its error shell: `<html id="__next_error__">` with an empty body and no `lang`, which JavaScript fills
 * in (vercel/next.js#62228). Thrown inside a boundary, React finishes the page around it and Next still sets the
 * status to 404 (its HTML error handler, app-render.js setHTTPAccessFallbackOrRedirectStatus); the boundary's empty
 * fallback stands where it was. In the browser the boundary renders again, meets the same notFound() and shows
 * app/(site)/not-found.tsx, the same message. Checking in proxy.ts instead would cost a database query on every
 * request for a page that is already cached; this costs nothing on found pages, which never render it.
 */
export async function NotFoundPage() {
  // Not stored by the page cache (a 404 never is), and a CDN may keep it only a few seconds.
  await answerBriefly();
  return (
    <>
      <NotFoundMessage />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  );
}
