"use server";
import { sendPasswordReset } from "@/lib/dal/people";
import { personSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";
import type { LinkResult } from "./link-result";

export async function sendPasswordResetAction(_previous: ActionState<LinkResult>, formData: FormData): Promise<ActionState<LinkResult>> {
  return runAction(personSchema, formObject(formData), async ({ userId }) => {
    const { person, link } = await sendPasswordReset(userId);
    return link
      ? { message: `Reset link for ${person.name}. Email is not set up, so send it yourself; it is shown only now and works once, for 1 hour.`, data: { link } }
      : { message: `Password reset link emailed to ${person.email}. It works once, for 1 hour.` };
  });
}
