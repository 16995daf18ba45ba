"use server";
import { changePassword } from "@/lib/dal/account";
import { changePasswordSchema } from "@/lib/validation/account";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

// Every session ends with the change, this one too: the form then signs the browser out and asks to sign in again.
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(changePasswordSchema, formObject(formData), async ({ currentPassword, newPassword }) => {
    await changePassword(currentPassword, newPassword);
    return { message: "Password changed. Every session has ended, this one too: sign in again with your new password." };
  });
}
