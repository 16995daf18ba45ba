import { getNotificationPreferences } from "@/lib/dal/notification-preferences";
import { NotificationPreferencesForm } from "./notification-preferences-form";

/** The account page's email notifications panel: reads the signed-in person's choices for the form. */
export async function NotificationSettings() {
  return <NotificationPreferencesForm preferences={await getNotificationPreferences()} />;
}
