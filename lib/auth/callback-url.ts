// Where to send someone after signing in or out. Only a path on this site is ever used: an address an attacker
// supplied (another host, a look-alike host, a protocol-relative "//host" or "/\host", "https://us@them") becomes
// the newsroom's front page. URLs are resolved the way a browser resolves them before anything is decided.

const PROBE_ORIGIN = "http://breakingon.invalid";
const NEWSROOM = "/admin";
// Control characters are dropped by browsers inside URLs, which can turn "/\t/host" into "//host".
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f]/;

/** A same-site path for `candidate` (path, query and fragment, normalised), or null when it leaves the site. */
function sameSitePath(candidate: string, origin: string): string | null {
  if (UNSAFE_CHARACTERS.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to go after signing in: only a newsroom path on this site, never an address an attacker supplied. */
export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//")) return NEWSROOM;
  const path = sameSitePath(candidate, PROBE_ORIGIN);
  if (!path || !(path === NEWSROOM || path.startsWith(`${NEWSROOM}/`) || path.startsWith(`${NEWSROOM}?`))) return NEWSROOM;
  if (path.startsWith("/admin/login") || path.startsWith("/admin/setup")) return NEWSROOM;
  return path;
}

/** Whether `value` already is an address on this site that next-auth can parse (so it needs no normalising). */
export function isSameSite(value: string, baseUrl: string): boolean {
  try {
    const origin = new URL(baseUrl).origin;
    return sameSitePath(value, origin) !== null;
  } catch {
    return false;
  }
}

/**
 * next-auth's redirect callback: an absolute URL on this site. next-auth passes what the client sent (a
 * callbackUrl parameter or cookie); anything off the site, or that cannot be parsed, goes to the newsroom.
 */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return NEWSROOM;
  }
  return `${origin}${sameSitePath(url, origin) ?? NEWSROOM}`;
}
