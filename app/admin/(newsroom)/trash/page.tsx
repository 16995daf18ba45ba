import type { Metadata } from "next";
import { TrashTable } from "@/components/admin/trash-table";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getSiteSettings } from "@/lib/dal/settings";
import { listTrash, TRASH_DAYS } from "@/lib/dal/trash";

export const metadata: Metadata = { title: "Trash" };

export default async function TrashPage() {
  const user = await requireNewsroomPage({ returnTo: "/admin/trash" });
  const [items, { timeZone }] = await Promise.all([listTrash(), getSiteSettings()]);
  return (
    <div className="max-w-4xl">
      <header className="mb-6">
        <h1 className="text-2xl font-bold">Trash</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Deleted stories stay here for {TRASH_DAYS} days, then they are deleted for good.{" "}
          {can(user.role, "article.editAny") ? "Restore one to bring it back as it was." : "You can restore your own drafts."}
        </p>
      </header>
      <TrashTable items={items} timeZone={timeZone} />
    </div>
  );
}
