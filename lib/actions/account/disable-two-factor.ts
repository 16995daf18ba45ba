"use server";
import { redirect } from "next/navigation";
import { disableTwoFactor } from "@/lib/dal/account";
import { confirmWithPasswordSchema } from "@/lib/validation/account";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function disableTwoFactorAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(confirmWithPasswordSchema, formObject(formData), async ({ password }) => {
    await disableTwoFactor(password);
    return { message: "Two-factor sign-in is off." };
  });
  // The page swaps to its "off" view; the notice there says what happened.
  if (result?.ok) redirect("/admin/account/security?notice=two-factor-off");
  return result;
}
