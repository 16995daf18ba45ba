import type { Metadata } from "next";
import { BackupsCard } from "@/components/admin/backups-card";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getBackupStatus } from "@/lib/dal/backups";
import { getSiteSettings } from "@/lib/dal/settings";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage() {
  await requireNewsroomPage({ permission: "settings.manage", returnTo: "/admin/system" });
  const [status, { timeZone }] = await Promise.all([getBackupStatus(), getSiteSettings()]);
  return (
    <div>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">System</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">How the site is kept safe. Times are in the site’s time zone ({timeZone.replaceAll("_", " ")}).</p>
      </header>
      <BackupsCard status={status} timeZone={timeZone} />
    </div>
  );
}
