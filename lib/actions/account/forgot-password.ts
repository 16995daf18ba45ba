"use server";
import { askForPasswordReset } from "@/lib/dal/reset-throttle";
import { FORGOT_ANSWER, forgotPasswordSchema } from "@/lib/validation/account-links";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function forgotPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(forgotPasswordSchema, formObject(formData), async ({ email }) => {
    await askForPasswordReset(email);
    return { message: FORGOT_ANSWER };
  });
}
