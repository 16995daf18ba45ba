// libxml2's strict parser (xmllint, Debian's libxml2-utils), the reading a feed reader or search engine does, for
// tests: never a lenient parser that accepts what real readers reject.
import { spawnSync } from "node:child_process";

/** The parser's complaint, or null when the document is well-formed. No network, no entity expansion. */
export function xmlProblem(xml: string): string | null {
  const result = spawnSync("xmllint", ["--noout", "--nonet", "-"], { input: xml, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`xmllint could not run (Debian: apt-get install libxml2-utils): ${result.error.message}`);
  return result.status === 0 ? null : result.stderr.slice(0, 800) || `xmllint exited ${result.status}`;
}
