// Page N of the listing: `?page=N` is rewritten here (next.config.ts) so each page is cached under its own path.
export { default, generateMetadata, generateStaticParams } from "../../page";
