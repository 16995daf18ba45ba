import type { Metadata } from "next";
import { AccountLinkPage } from "@/components/admin/account-link-page";
import { readAccountToken } from "@/lib/dal/account-tokens";

export const metadata: Metadata = { title: "Reset password", referrer: "no-referrer" };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AccountLinkPage token={token} kind="reset" view={await readAccountToken(token, "reset")} />;
}
