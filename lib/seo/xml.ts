// Characters XML 1.0 forbids anywhere, even escaped; a headline pasted from a word processor can carry one (U+000B).
// With the u flag a lone surrogate (U+D800–U+DFFF) is one code point outside the allowed ranges, so it goes too.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops characters no XML document may contain. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}

export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}
