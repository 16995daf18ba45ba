"use server";
import { updateNotificationPreferences } from "@/lib/dal/notification-preferences";
import { notificationPreferencesSchema } from "@/lib/validation/account-links";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function updateNotificationsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(notificationPreferencesSchema, formObject(formData), async (preferences) => {
    await updateNotificationPreferences(preferences);
    return { message: "Email choices saved." };
  });
}
