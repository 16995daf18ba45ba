"use server";
import { refresh } from "next/cache";
import { cancelInvitation } from "@/lib/dal/people";
import { personSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function cancelInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(personSchema, formObject(formData), async ({ userId }) => {
    const { name } = await cancelInvitation(userId);
    refresh();
    return { message: `${name}'s invitation is cancelled; the link no longer works.` };
  });
}
