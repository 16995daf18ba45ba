import "server-only";
import { getDb } from "@/lib/db";
import type { NotificationPreferences } from "@/lib/validation/account-links";
import { recordAudit } from "./audit";
import { requestAddress, requireUser } from "./session";

/** The signed-in person's email choices. */
export async function getNotificationPreferences(): Promise<NotificationPreferences> {
  const user = await requireUser();
  return getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { notifyReview: true, notifyWorkflow: true, notifyFailures: true } });
}

export async function updateNotificationPreferences(preferences: NotificationPreferences): Promise<void> {
  const user = await requireUser();
  const ip = await requestAddress();
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: preferences });
    await recordAudit({ actorId: user.id, action: "account.notifications.changed", entityType: "User", entityId: user.id, details: { ...preferences }, ip }, tx);
  });
}
