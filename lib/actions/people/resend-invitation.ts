"use server";
import { refresh } from "next/cache";
import { resendInvitation } from "@/lib/dal/people";
import { personSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";
import type { LinkResult } from "./link-result";

export async function resendInvitationAction(_previous: ActionState<LinkResult>, formData: FormData): Promise<ActionState<LinkResult>> {
  return runAction(personSchema, formObject(formData), async ({ userId }) => {
    const { person, link } = await resendInvitation(userId);
    refresh();
    return link
      ? { message: `New invitation link for ${person.name} (the old one no longer works). Send it yourself; it is shown only now.`, data: { link } }
      : { message: `Invitation emailed to ${person.email} again; the old link no longer works.` };
  });
}
