// One Intl.DateTimeFormat per locale and options, kept for reuse. Building a formatter loads locale and time-zone
// data and costs about a millisecond (more for the first one); formatting with a built one costs microseconds, and a
// front or a newsroom list formats dozens of times per render. (Reader cards in the browser need none: relative-words.ts.)
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A shared formatter for these options. Throws RangeError for an unknown time zone or locale, like the constructor. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    // Bounded: keys come from code, but the time zone is a setting and a viewer's zone comes from their browser.
    if (formatters.size >= 200) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}
