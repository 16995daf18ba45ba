import readingTime from "reading-time";

/** Whole minutes to read a Markdown body (at least one), and its word count. */
export function measureReading(markdown: string): { minutes: number; words: number } {
  const stats = readingTime(markdown.replace(/^#+\s/gm, ""));
  return { minutes: Math.max(1, Math.round(stats.minutes)), words: stats.words };
}
