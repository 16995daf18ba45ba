import { expect, type APIRequestContext } from "@playwright/test";
import type { XMLParser } from "fast-xml-parser";
import { xmlProblem } from "../../lib/testing/xml-strict";
import { HIDDEN_MARKER, HIDDEN_SLUGS } from "./site";

/**
 * Fetches an XML document (feed or sitemap), checks status, content type, strict well-formedness (xmllint) and that
 * no hidden story leaks into it, and returns it parsed.
 */
export async function fetchXml(request: APIRequestContext, path: string, contentType: string, parser: XMLParser) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toBe(contentType);
  const text = await response.text();
  // libxml2, strict: a lenient parser accepted feeds that real readers reject.
  expect(xmlProblem(text), path).toBeNull();
  expect(text, path).not.toContain(HIDDEN_MARKER);
  for (const slug of HIDDEN_SLUGS) expect(text, path).not.toContain(slug);
  return parser.parse(text);
}
