import { listingRoute } from "@/components/site/listing-route";
import { getAuthorPage } from "@/lib/dal/articles";
import { authorMetadata } from "@/lib/seo/metadata";

const route = listingRoute(
  getAuthorPage,
  ({ author }) => ({
    kicker: "Author",
    title: author.name,
    intro: author.bio ? <p>{author.bio}</p> : undefined,
    basePath: `/authors/${author.slug}`,
  }),
  ({ author }) => ({ metadata: (site, page) => authorMetadata(author, site, { page }) }),
);

export const generateMetadata = route.generateMetadata;
export default route.Page;
export const generateStaticParams = route.generateStaticParams;
