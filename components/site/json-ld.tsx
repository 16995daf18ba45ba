import { serializeJsonLd, type JsonLdDocument } from "@/lib/seo/json-ld";

/** Structured data for search engines: one <script type="application/ld+json"> per document. */
export function JsonLd({ data }: { data: JsonLdDocument | JsonLdDocument[] }) {
  const documents = Array.isArray(data) ? data : [data];
  return (
    <>
      {documents.map((document, index) => (
        <script
          key={index}
          type="application/ld+json"
          // serializeJsonLd escapes "<", so no string in the data can close the script element.
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(document) }}
        />
      ))}
    </>
  );
}
