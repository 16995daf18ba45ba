import type { Role } from "@/lib/auth/permissions";

// Kept apart from lib/validation/people.ts, whose password rules would pull the block list into the browser.
export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", WRITER: "Writer" };

export const ROLE_OPTIONS = (["WRITER", "EDITOR", "ADMIN"] as const).map((value) => ({ value, label: ROLE_LABELS[value] }));
