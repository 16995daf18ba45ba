import Link from "@/components/admin/newsroom-link";
import { AuthCard } from "./auth-card";
import { AccountLinkForm } from "./account-link-form";
import type { AccountTokenView } from "@/lib/dal/account-tokens";

/** The page an invitation or reset link opens: choose a password, or a plain "this link cannot be used". */
export function AccountLinkPage({ token, kind, view }: { token: string; kind: "invite" | "reset"; view: AccountTokenView | null }) {
  if (!view) {
    return (
      <AuthCard title="This link cannot be used">
        <p className="text-sm">It has expired or has already been used. {kind === "invite" ? "Ask an admin to send you a new invitation." : "Ask for a new one."}</p>
        <p className="mt-4 text-sm">
          <Link href={kind === "invite" ? "/admin/login" : "/admin/login/forgot"} className="underline">
            {kind === "invite" ? "Go to sign in" : "Ask for a new link"}
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={kind === "invite" ? "Welcome to the newsroom" : "Choose a new password"}
      intro={<p>{kind === "invite" ? `Hello ${view.name}: choose the password you will sign in with as ${view.email}.` : `For ${view.email}. Every device signed in to this account will be signed out.`}</p>}
    >
      <AccountLinkForm token={token} kind={kind} email={view.email} />
    </AuthCard>
  );
}
