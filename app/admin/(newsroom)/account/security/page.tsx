import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { NotificationSettings } from "@/components/admin/notification-settings";
import { SignOutEverywhereButton } from "@/components/admin/sign-out-everywhere-button";
import { TwoFactorConfirmForm } from "@/components/admin/two-factor-confirm-form";
import { TwoFactorManage } from "@/components/admin/two-factor-manage";
import { TwoFactorQrCode } from "@/components/admin/two-factor-qr-code";
import { TwoFactorStartButton } from "@/components/admin/two-factor-start-button";
import { requireNewsroomPage, TWO_FACTOR_PAGE } from "@/lib/auth/page-guard";
import { formatDate } from "@/lib/content/dates";
import { getTwoFactorStatus } from "@/lib/dal/account";
import { getSiteSettings } from "@/lib/dal/settings";

export const metadata: Metadata = { title: "Account security" };

const NOTICES: Record<string, string> = {
  "two-factor-on": "Two-factor sign-in is on. Keep your recovery codes somewhere safe.",
  "two-factor-off": "Two-factor sign-in is off. Your recovery codes no longer work.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountSecurityPage({ searchParams }: Props) {
  // Open to someone an admin requires to enrol: this is where they do it.
  const user = await requireNewsroomPage({ allowUnenrolled: true, returnTo: TWO_FACTOR_PAGE });
  const [status, settings, params] = await Promise.all([getTwoFactorStatus(), getSiteSettings(), searchParams]);
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;

  return (
    <div className="max-w-3xl">
      <header className="mb-6 space-y-2">
        <h1 className="text-2xl font-bold">Account security</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Signed in as {user.name} ({user.email}).
        </p>
        {notice && (
          <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
            {notice}
          </p>
        )}
      </header>

      <Panel id="two-factor" title="Two-factor sign-in">
        {status.enabled ? (
          <div className="space-y-4">
            <p>
              <strong>On</strong>
              {status.enabledAt && ` since ${formatDate(status.enabledAt, settings.timeZone)}`}. Signing in asks for a code from your authenticator app
              after your password. {recoveryCodesNote(status.recoveryCodesLeft)}
            </p>
            {status.requiredBySite && <p className="text-sm text-neutral-700 dark:text-neutral-300">An administrator requires two-factor sign-in for all staff, so it stays on.</p>}
            <TwoFactorManage canDisable={!status.requiredBySite} />
          </div>
        ) : status.pending ? (
          <div className="space-y-6">
            <ol className="list-decimal space-y-6 pl-5">
              <li className="space-y-3">
                <p>Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password or Aegis) and add an account by scanning this QR code:</p>
                <TwoFactorQrCode uri={status.pending.otpauthUri} />
                <p className="text-sm">
                  Cannot scan? Enter this key by hand, as a time-based key:
                  <code data-testid="totp-secret" className="mt-1 block w-fit rounded bg-neutral-100 px-2 py-1 font-mono text-base tracking-wider break-all dark:bg-neutral-800">
                    {status.pending.secret}
                  </code>
                </p>
              </li>
              <li className="space-y-3">
                <p>Enter the six-digit code the app now shows for BreakingOn.</p>
                <TwoFactorConfirmForm doneHref={`${TWO_FACTOR_PAGE}?notice=two-factor-on`} />
              </li>
            </ol>
            <div className="border-t border-neutral-200 pt-4 dark:border-neutral-800">
              <p className="mb-2 text-sm text-neutral-700 dark:text-neutral-300">Used the wrong phone, or shown the key to someone? Start again: the key above stops working.</p>
              <TwoFactorStartButton restart />
            </div>
          </div>
        ) : (
          <div className="space-y-4">
            {user.mustEnrolTwoFactor ? (
              <p className="font-semibold">An administrator requires two-factor sign-in for all staff. Set it up to carry on to the newsroom.</p>
            ) : (
              <p>
                <strong>Off.</strong> Two-factor sign-in asks for a code from an app on your phone after your password, so a stolen password alone cannot
                open your account.
              </p>
            )}
            <TwoFactorStartButton />
          </div>
        )}
      </Panel>

      <Panel id="password" title="Password">
        <p className="mb-4 text-sm text-neutral-700 dark:text-neutral-300">Changing your password signs you out everywhere, this browser too.</p>
        <ChangePasswordForm email={user.email} />
      </Panel>

      <Panel id="email" title="Email notifications">
        <NotificationSettings />
      </Panel>

      <Panel id="sessions" title="Sessions">
        <p className="mb-4 text-sm text-neutral-700 dark:text-neutral-300">
          Signed in on a computer you no longer use, or lost a device? Sign out everywhere ends every session of your account at once, this one too.
        </p>
        <SignOutEverywhereButton />
      </Panel>
    </div>
  );
}

function recoveryCodesNote(left: number): string {
  if (left === 0) return "You have no unused recovery codes left: make new ones.";
  return `You have ${left} unused recovery code${left === 1 ? "" : "s"}.`;
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8 rounded-lg border border-neutral-300 bg-white p-4 sm:p-6 dark:border-neutral-700 dark:bg-neutral-900">
      <h2 id={`${id}-heading`} className="mb-4 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
