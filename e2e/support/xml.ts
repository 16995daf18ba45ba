import { expect, type APIRequestContext } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { HIDDEN_MARKER, HIDDEN_SLUGS } from "./site";

/**
 * Fetches an XML document (feed or sitemap), checks status, content type, well-formedness and that no hidden story
 * leaks into it, and returns it parsed.
 */
export async function fetchXml(request: APIRequestContext, path: string, contentType: string, parser: XMLParser) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toBe(contentType);
  const text = await response.text();
  expect(XMLValidator.validate(text), path).toBe(true);
  expect(text, path).not.toContain(HIDDEN_MARKER);
  for (const slug of HIDDEN_SLUGS) expect(text, path).not.toContain(slug);
  return parser.parse(text);
}
