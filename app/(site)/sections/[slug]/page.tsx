import { listingRoute } from "@/components/site/listing-route";
import { getSectionPage } from "@/lib/dal/articles";

const route = listingRoute(getSectionPage, ({ section }) => ({
  kicker: "Section",
  title: section.name,
  description: section.description || `The latest ${section.name} news.`,
  intro: section.description ? <p>{section.description}</p> : undefined,
  basePath: `/sections/${section.slug}`,
  showSection: false,
}));

export const generateMetadata = route.generateMetadata;
export default route.Page;
