import { authorListing as route } from "@/components/site/listings";

// Page N of the listing: next.config.ts rewrites ?page=N here, so each page is cached under its own path.
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
