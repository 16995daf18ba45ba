import { listingRoute } from "@/components/site/listing-route";
import { getAuthorPage } from "@/lib/dal/articles";

const route = listingRoute(getAuthorPage, ({ author }) => ({
  kicker: "Author",
  title: author.name,
  description: author.bio || `Stories by ${author.name}.`,
  intro: author.bio ? <p>{author.bio}</p> : undefined,
  basePath: `/authors/${author.slug}`,
}));

export const generateMetadata = route.generateMetadata;
export default route.Page;
