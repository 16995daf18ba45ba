/** Where to go after signing in: only a newsroom path on this site, never an address an attacker supplied. */
export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/admin") || candidate.startsWith("//") || candidate.includes("\\")) return "/admin";
  if (candidate.startsWith("/admin/login") || candidate.startsWith("/admin/setup")) return "/admin";
  return candidate;
}
