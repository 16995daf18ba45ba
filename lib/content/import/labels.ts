// Names of import formats and origins, shared by the preview (a client component) and the server: no readers here.

export const IMPORT_FORMATS = ["source", "plain", "markdown", "html"] as const;
export const IMPORT_ORIGINS = ["", "google-docs", "word", "web-page", "email"] as const;

/** How the preview and the story's history name what a paste was read as, and where it came from. */
export const FORMAT_LABELS: Record<(typeof IMPORT_FORMATS)[number], string> = { source: "the source document's layout", plain: "plain text", markdown: "Markdown", html: "formatted text (HTML)" };
export const ORIGIN_LABELS: Record<(typeof IMPORT_ORIGINS)[number], string> = { "": "", "google-docs": "Google Docs", word: "Word", "web-page": "a web page", email: "an email" };
