import { config } from "zod/v4/core";

// Runs before any client component. Zod compiles object parsers with `new Function` when it may; merely probing for
// that is reported as a Content-Security-Policy violation (script-src has no 'unsafe-eval', lib/security/headers.ts).
// Forms parse a handful of fields in the browser, so the interpreted parser loses nothing that matters. Only the
// config setter is imported: this file is in every page's bundle, and readers' pages use no zod at all.
config({ jitless: true });
