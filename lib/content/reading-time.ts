// The function alone, not the package's entry: that also exports a Node stream, which drags `stream` and `util`
// polyfills into the story editor's bundle, and their start-up `Function(...)` probe is reported as a
// Content-Security-Policy violation (no 'unsafe-eval', lib/security/headers.ts).
import readingTime from "reading-time/lib/reading-time";

/** Whole minutes to read a Markdown body (at least one), and its word count. */
export function measureReading(markdown: string): { minutes: number; words: number } {
  const stats = readingTime(markdown.replace(/^#+\s/gm, ""));
  return { minutes: Math.max(1, Math.round(stats.minutes)), words: stats.words };
}
