import type { ReactNode } from "react";

/** The narrow centred card that the sign-in and first-run pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-2 font-serif text-2xl font-black">BreakingOn Newsroom</p>
      <div className="rounded-lg border border-neutral-300 bg-white p-6 shadow-sm dark:border-neutral-700 dark:bg-neutral-900">
        <h1 className="mb-2 text-xl font-bold">{title}</h1>
        {intro && <div className="mb-4 text-sm text-neutral-700 dark:text-neutral-300">{intro}</div>}
        {children}
      </div>
    </main>
  );
}
