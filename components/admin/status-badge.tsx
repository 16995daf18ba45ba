import type { ReactNode } from "react";
import type { Status } from "@/lib/auth/permissions";

export const STATUS_LABEL: Record<Status, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

// Colour is never the only signal: each state has its own label, icon and border style.
const LOOK: Record<Status, { className: string; icon: ReactNode }> = {
  DRAFT: {
    className: "border-dashed border-neutral-500 bg-neutral-50 text-neutral-800 dark:bg-neutral-900 dark:text-neutral-200",
    // A pencil.
    icon: <path d="M3 13l1-3 6.5-6.5 2 2L6 12l-3 1zM9.5 4.5l2 2" />,
  },
  IN_REVIEW: {
    className: "border-amber-600 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
    // An eye.
    icon: (
      <>
        <path d="M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
        <circle cx="8" cy="8" r="2" />
      </>
    ),
  },
  SCHEDULED: {
    className: "border-sky-700 bg-sky-50 text-sky-950 dark:bg-sky-950 dark:text-sky-100",
    // A clock.
    icon: (
      <>
        <circle cx="8" cy="8" r="6" />
        <path d="M8 4.5V8l2.5 1.5" />
      </>
    ),
  },
  PUBLISHED: {
    className: "border-green-700 bg-green-50 text-green-950 dark:bg-green-950 dark:text-green-100",
    // A tick.
    icon: <path d="M3 8.5l3 3 7-7" />,
  },
  ARCHIVED: {
    className: "border-neutral-500 bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200",
    // A box.
    icon: (
      <>
        <path d="M2 3.5h12v3H2zM3 6.5V13h10V6.5" />
        <path d="M6.5 9h3" />
      </>
    ),
  },
};

/** A story's workflow state as a labelled badge; the newsroom list, dashboard and editor all use it. */
export function StatusBadge({ status }: { status: Status }) {
  const look = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${look.className}`}>
      <svg viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        {look.icon}
      </svg>
      <span className="sr-only">Status: </span>
      <span>{STATUS_LABEL[status]}</span>
    </span>
  );
}
