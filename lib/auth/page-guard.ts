import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { getCurrentUser, type SessionUser } from "@/lib/dal/session";

export const TWO_FACTOR_PAGE = "/admin/account/security";

/**
 * For newsroom pages: the signed-in user, or a redirect to sign in; a user who must enrol in two-factor sign-in is
 * sent to do that first; a missing permission answers 403. (The data layer checks again: this only shapes pages.)
 */
export async function requireNewsroomPage(
  options: { permission?: Permission; allowUnenrolled?: boolean; returnTo?: string } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/admin/login${options.returnTo ? `?callbackUrl=${encodeURIComponent(options.returnTo)}` : ""}`);
  if (user.mustEnrolTwoFactor && !options.allowUnenrolled) redirect(TWO_FACTOR_PAGE);
  if (options.permission && !can(user.role, options.permission)) forbidden();
  return user;
}
