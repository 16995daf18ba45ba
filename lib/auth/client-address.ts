// The visitor's address, for throttling and the audit log. Next.js fills X-Forwarded-For with the socket's address
// when no proxy set it; behind a reverse proxy, the proxy appends the address it saw, so the last entry is the one
// our own infrastructure vouches for (configure the proxy to append, e.g. nginx's $proxy_add_x_forwarded_for).
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ? last.replace(/^::ffff:/, "").slice(0, 64) : "unknown";
}
