import { listingRoute } from "@/components/site/listing-route";
import { getSectionPage } from "@/lib/dal/articles";
import { sectionBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { sectionMetadata } from "@/lib/seo/metadata";

const route = listingRoute(
  getSectionPage,
  ({ section }) => ({
    kicker: "Section",
    title: section.name,
    intro: section.description ? <p>{section.description}</p> : undefined,
    basePath: `/sections/${section.slug}`,
    showSection: false,
  }),
  ({ section }) => ({
    metadata: (site, page) => sectionMetadata(section, site, { page }),
    jsonLd: (site) => sectionBreadcrumbJsonLd(section, site),
  }),
);

export const generateMetadata = route.generateMetadata;
export default route.Page;
export const generateStaticParams = route.generateStaticParams;
