// Login throttling rules: after a few failures a key must wait, and each further failure doubles the wait, up to a
// cap, so guessing is slow but nobody can be locked out for good. Keys are built from what the visitor typed (never
// from whether the account exists), so the answers cannot tell an attacker which emails are real.

export interface ThrottleScope {
  prefix: string;
  /** Failures allowed before waiting starts. */
  freeFailures: number;
}

export const SCOPES = {
  /** One address guessing one account's password. */
  accountAndAddress: { prefix: "login_acct_ip", freeFailures: 5 },
  /** One account, from anywhere (a distributed guess). */
  account: { prefix: "login_acct", freeFailures: 10 },
  /** One address, against any accounts (password spraying). */
  address: { prefix: "login_ip", freeFailures: 20 },
} as const satisfies Record<string, ThrottleScope>;

export const FIRST_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 15 * 60;
/** Failures are counted over a day from the first one, then forgotten. */
export const FAILURE_MEMORY_SECONDS = 24 * 60 * 60;
/**
 * An address this account signed in from is remembered this long (renewed at each sign-in) and is not held by the
 * account-wide limit: otherwise one failure every quarter of an hour from anywhere would keep the owner out for good.
 */
export const KNOWN_ADDRESS_SECONDS = 30 * 24 * 60 * 60;

/** The wait, in seconds, after the given number of consecutive failures (0 while still within the free ones). */
export function waitAfterFailures(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  const doublings = Math.min(failures - freeFailures, 20);
  return Math.min(FIRST_WAIT_SECONDS * 2 ** doublings, MAX_WAIT_SECONDS);
}

export function throttleKeys(email: string, ip: string): Record<keyof typeof SCOPES, string> {
  const account = email.trim().toLowerCase();
  return { accountAndAddress: `${account}|${ip}`, account, address: ip };
}
