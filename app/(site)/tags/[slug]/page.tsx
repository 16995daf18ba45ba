import { tagListing as route } from "@/components/site/listings";

// Page 1 of the listing; page N is app/(site)/tags/[slug]/p/[page] (components/site/listings.tsx).
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
