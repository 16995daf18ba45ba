// Zod compiles object parsers with `new Function` when it may; merely probing for that is reported as a
// Content-Security-Policy violation (script-src has no 'unsafe-eval', lib/security/headers.ts), so the browser runs zod
// interpreted: forms parse a handful of fields, nothing that needs compiling. Zod 4 keeps its settings on
// `globalThis.__zod_globalConfig`, shared by every copy of zod on the page, and `config({ jitless: true })` only writes
// there; writing it directly keeps zod's utilities out of the start-up bundle of reader pages, which use no zod at all.
// zod-jitless.test.ts fails if zod stops reading the setting from there.
export function makeZodJitless(): void {
  const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  scope.__zod_globalConfig ??= {};
  scope.__zod_globalConfig.jitless = true;
}
