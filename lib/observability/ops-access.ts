// Who may see operational detail (/api/metrics, the checks behind /api/ready): a monitor presenting OPS_TOKEN as a
// bearer token, or a signed-in admin. Everyone else learns only "ok" or "unavailable".
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { getCurrentUser } from "@/lib/dal/session";
import { can } from "@/lib/auth/permissions";

export type OpsViewer = "token" | "admin" | "anonymous";

/** Whether the request carries `Authorization: Bearer <token>` with the configured token (compared in constant time). */
export function presentsOpsToken(headers: Headers, token: string | undefined = env.OPS_TOKEN): boolean {
  if (!token) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  if (!match) return false;
  // Hashing both sides first makes the comparison constant-time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** The token first (no database needed, so a monitor still gets detail while the database is down), then the session. */
export async function opsViewer(headers: Headers): Promise<OpsViewer> {
  if (presentsOpsToken(headers)) return "token";
  const user = await getCurrentUser().catch(() => null);
  return user && can(user.role, "settings.manage") ? "admin" : "anonymous";
}
