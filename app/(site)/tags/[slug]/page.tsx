import { listingRoute } from "@/components/site/listing-route";
import { getTagPage } from "@/lib/dal/articles";
import { tagMetadata } from "@/lib/seo/metadata";

const route = listingRoute(
  getTagPage,
  ({ tag }) => ({ kicker: "Topic", title: tag.name, basePath: `/tags/${tag.slug}` }),
  ({ tag }) => ({ metadata: (site, page) => tagMetadata(tag, site, { page }) }),
);

export const generateMetadata = route.generateMetadata;
export default route.Page;
export const generateStaticParams = route.generateStaticParams;
