// The security headers every response carries (next.config.ts `headers()`). Reader pages are served whole from
// Next's page cache, so the policy cannot carry a per-request nonce; Next's inline bootstrap scripts
// (`self.__next_f.push(…)`) differ per page and per build, so hashes cannot list them either. Scripts are therefore
// limited to this origin plus inline ones; everything else (plugins, framing, base-URL hijacks, foreign form
// targets, foreign fetches) is shut.

export interface SecurityHeaderOptions {
  /** The site is served over HTTPS (SITE_URL starts with https://): send HSTS and upgrade stray http: URLs. */
  https: boolean;
  /** `next dev` needs eval for React's debugging aids; a production build never does. */
  development?: boolean;
}

export interface Header {
  key: string;
  value: string;
}

/** The Content-Security-Policy value, one directive per entry. */
export function contentSecurityPolicy({ https, development = false }: SecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    // React writes style attributes (the editor, the media page's size caps) and Next inlines critical CSS.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: for the two-factor QR code, blob: for previews of a file chosen for upload.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["media-src", "'self'"],
    ["manifest-src", "'self'"],
    ["worker-src", "'self'", "blob:"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

// Only features Chromium, Firefox and Safari all recognise: an unknown name is logged as an error in the console.
// clipboard-write and web-share stay allowed (the "Copy link" button).
const PERMISSIONS_POLICY = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb"]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** Two years, the HSTS preload list's minimum. */
const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(options: SecurityHeaderOptions): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    ...(options.https ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ];
}

/** Whether a configured site address is an HTTPS one. Anything unparsable counts as plain HTTP (no HSTS). */
export function servedOverHttps(siteUrl: string | undefined): boolean {
  if (!siteUrl) return false;
  try {
    return new URL(siteUrl).protocol === "https:";
  } catch {
    return false;
  }
}
