import { listingRoute } from "@/components/site/listing-route";
import { getTagPage } from "@/lib/dal/articles";

const route = listingRoute(getTagPage, ({ tag }) => ({
  kicker: "Topic",
  title: tag.name,
  description: `Stories about ${tag.name}.`,
  basePath: `/tags/${tag.slug}`,
}));

export const generateMetadata = route.generateMetadata;
export default route.Page;
