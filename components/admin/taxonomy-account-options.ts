import type { LinkableUser } from "@/lib/dal/taxonomy";
import type { AccountOption } from "./taxonomy-byline-form";

/** Staff accounts for the byline form's menu; an account that already has another byline is marked, not hidden. */
export function accountOptions(users: LinkableUser[], bylineId?: string): AccountOption[] {
  return users
    .filter((user) => !user.disabled || user.bylineId === bylineId)
    .map((user) => ({
      id: user.id,
      label: `${user.name} (${user.email})${user.bylineId && user.bylineId !== bylineId ? " — has a byline" : ""}${user.disabled ? " — disabled" : ""}`,
    }));
}
