"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { newAccountSchema } from "@/lib/validation/users";
import { createOwner } from "@/lib/dal/users";
import { requestAddress } from "@/lib/dal/session";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

/**
 * Creates the owner. From the page's script (a `Next-Action` request) it answers, and the form signs the owner in
 * through next-auth's credentials flow and opens the newsroom; a plain form post (no JavaScript) goes to sign-in.
 */
export async function createOwnerAction(_previous: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const ip = await requestAddress();
  const result = await runAction(newAccountSchema, formObject(formData), async (account) => {
    const owner = await createOwner(account, { ip });
    return { message: "Owner account created. Signing you in…", data: { email: owner.email } };
  });
  if (result?.ok && result.data && !(await headers()).has("next-action")) redirect(`/admin/login?setup=done&email=${encodeURIComponent(result.data.email)}`);
  return result;
}
