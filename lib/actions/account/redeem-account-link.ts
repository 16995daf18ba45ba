"use server";
import { redeemAccountToken } from "@/lib/dal/account-tokens";
import { requestAddress } from "@/lib/dal/session";
import { accountLinkPasswordSchema } from "@/lib/validation/account-links";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function redeemAccountLinkAction(_previous: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  return runAction(accountLinkPasswordSchema, formObject(formData), async ({ token, kind, password }) => {
    const { email } = await redeemAccountToken(token, kind, password, await requestAddress());
    return { message: "Your password is set. Sign in with it now.", data: { email } };
  });
}
