import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AdminShell } from "@/components/admin/admin-shell";
import { getCurrentUser } from "@/lib/dal/session";

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // Pages and actions check again themselves: a layout does not guard what renders inside it.
  const user = await getCurrentUser();
  if (!user) redirect("/admin/login");
  return <AdminShell user={user}>{children}</AdminShell>;
}
