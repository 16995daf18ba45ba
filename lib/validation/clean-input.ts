// Text that no field of ours can hold: C0 control characters other than tab, newline and carriage return (a NUL
// cannot be stored in PostgreSQL text or JSON at all, and none of them is valid XML for feeds and sitemaps), and
// lone UTF-16 surrogates (refused by PostgreSQL's JSON, invalid in XML). Pasting from a word processor brings some of
// them (Word's soft line break is a vertical tab), so they are normalised away like surrounding spaces, not refused.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One string made storable everywhere: vertical tabs and form feeds become line breaks, other controls go, lone surrogates become U+FFFD. */
export function cleanText(value: string): string {
  return value.replace(/[\u000b\u000c]/g, "\n").replace(CONTROL_CHARACTERS, "").toWellFormed();
}

/** Every string inside a form's values (objects and arrays followed, files and other values left as they are). */
export function cleanInput<T>(input: T): T {
  if (typeof input === "string") return cleanText(input) as T;
  if (Array.isArray(input)) return input.map(cleanInput) as T;
  if (input && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype) {
    return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, cleanInput(value)])) as T;
  }
  return input;
}
