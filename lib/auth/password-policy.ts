// The password rules, shared by forms (zod schemas) and the server.
import { dictionary } from "@zxcvbn-ts/language-common";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-limits";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/** Why a new password is not acceptable, or null when it is. Counts characters, not UTF-16 units. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return "This password is too common. Choose another.";
  const personal = [context.email?.split("@")[0], context.email, context.name].filter((v): v is string => !!v && v.length >= 4);
  if (personal.some((p) => lower === p.toLowerCase())) return "Don't use your name or email address as your password.";
  return null;
}
