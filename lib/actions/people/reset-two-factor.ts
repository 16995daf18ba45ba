"use server";
import { refresh } from "next/cache";
import { resetTwoFactor } from "@/lib/dal/people";
import { personSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function resetTwoFactorAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(personSchema, formObject(formData), async ({ userId }) => {
    const { changed, name } = await resetTwoFactor(userId);
    refresh();
    return {
      message: changed
        ? `Two-factor sign-in reset for ${name}: they sign in with their password and set up their app again.`
        : `${name} has no two-factor sign-in to reset.`,
    };
  });
}
