import Link from "@/components/admin/newsroom-link";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/session";
import { NAV_ITEMS } from "./nav-items";
import { SessionKeepAlive } from "./session-keep-alive";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", WRITER: "Writer" } as const;

export function AdminShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => !item.permission || can(user.role, item.permission));
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <SessionKeepAlive />
      <header className="border-b border-neutral-300 bg-white dark:border-neutral-800 dark:bg-neutral-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="font-serif text-xl font-black">
            BreakingOn Newsroom
          </Link>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <Link href="/" className="underline-offset-4 hover:underline">
              View site
            </Link>
            <Link href="/admin/account/security" className="underline-offset-4 hover:underline">
              {user.name} <span className="text-neutral-600 dark:text-neutral-400">({ROLE_LABEL[user.role]})</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Newsroom" className="mx-auto max-w-7xl px-4">
          <ul className="flex flex-wrap gap-x-1 text-sm font-semibold">
            {items.map((item) => (
              <li key={item.href} className="shrink-0">
                <Link href={item.href} className="block rounded-t px-3 py-2 hover:bg-neutral-100 dark:hover:bg-neutral-800">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {user.mustEnrolTwoFactor && (
        <p role="alert" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
          An administrator requires two-factor sign-in. Set it up to use the newsroom.
        </p>
      )}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
