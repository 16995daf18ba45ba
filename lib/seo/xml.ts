// Characters XML 1.0 forbids anywhere, even escaped; a headline pasted from a word processor can carry one (U+000B).
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uFFFD\u{10000}-\u{10FFFF}]/gu;

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
