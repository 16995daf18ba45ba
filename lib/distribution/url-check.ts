import { BlockList, isIP } from "node:net";

// Where a webhook or WebSub ping may go, checked when an admin saves the address (the form's schema and the data
// layer) and again at every connection (lib/distribution/webhooks.ts resolves names through a filter).

// Addresses no webhook may reach unless WEBHOOK_ALLOW_PRIVATE=1 (tests, or a newsroom whose receivers are internal).
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local, reserved or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE.check(mapped[1], "ipv4");
    return PRIVATE.check(address, "ipv6");
  }
  return PRIVATE.check(address, "ipv4");
}

/** WEBHOOK_ALLOW_PRIVATE=1: loopback and private receivers are allowed (the tests' receivers listen on 127.0.0.1). */
export function privateAddressesAllowed(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE === "1";
}

export const WEBHOOK_URL_MAX = 2000;

/**
 * Why a webhook (or hub) URL cannot be used, or null when it can: http(s) only, no credentials, a host, at most 2000
 * characters, and (unless private addresses are allowed) no IP literal or well-known name that is private. Names are
 * checked again at every connection (see safeLookup).
 */
export function webhookUrlProblem(value: string, { allowPrivate = privateAddressesAllowed() } = {}): string | null {
  if (value.length > WEBHOOK_URL_MAX) return `Use an address of at most ${WEBHOOK_URL_MAX} characters.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full address starting with https://.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an http:// or https:// address.";
  if (url.username || url.password) return "Leave the user name and password out of the address; the signature proves the sender.";
  if (!url.hostname) return "Enter a full address with a host name.";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) ? isPrivateAddress(host) : /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)) {
    return "That address is on a private network or this machine; webhooks only go to public addresses.";
  }
  return null;
}

