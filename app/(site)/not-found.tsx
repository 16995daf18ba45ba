import { NotFoundMessage } from "@/components/site/not-found-message";

// A story, section, tag or author that does not exist: the 404 inside the site's header and footer. (Next.js 16
// still sends a notFound() response as an empty shell that the browser fills in, vercel/next.js#62228; the
// status is a correct 404 either way.)
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
