// Button looks, shared by server and client components (a "use client" module's functions cannot run on the server).
const VARIANTS = {
  primary: "bg-neutral-900 text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300",
  secondary: "border border-neutral-400 bg-transparent hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = "primary"): string {
  return `inline-flex min-h-10 items-center justify-center gap-2 rounded px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]}`;
}

