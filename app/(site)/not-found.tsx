import { NotFoundMessage } from "@/components/site/not-found-message";

// What the browser shows, inside the site's header and footer, when a reader page's notFound() reaches it: after a
// server-rendered 404 (components/site/not-found-page.tsx) comes to life, or on a client-side navigation to an
// address with nothing there.
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
