import { z } from "zod";

// Runs before any client component. Zod compiles object parsers with `new Function` when it may; merely probing for
// that is reported as a Content-Security-Policy violation (script-src has no 'unsafe-eval', lib/security/headers.ts).
// Forms parse a handful of fields in the browser, so the interpreted parser loses nothing that matters.
z.config({ jitless: true });
