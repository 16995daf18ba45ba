import type { Metadata } from "next";
import { SettingsForm } from "@/components/admin/settings-form";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getSettingsForEdit, listLogoChoices } from "@/lib/dal/settings";
import { timeZoneOptions } from "@/lib/validation/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireNewsroomPage({ permission: "settings.manage", returnTo: "/admin/settings" });
  const [settings, logos] = await Promise.all([getSettingsForEdit(), listLogoChoices()]);
  return (
    <div>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">Site settings</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">Publication-wide settings. Reader pages show a saved change at once; every change is recorded in the audit log.</p>
      </header>
      <SettingsForm settings={settings} timeZones={timeZoneOptions(settings.timeZone)} logos={logos} twoFactorEnabled={user.twoFactorEnabled} />
    </div>
  );
}
