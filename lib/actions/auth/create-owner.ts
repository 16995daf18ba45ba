"use server";
import { redirect } from "next/navigation";
import { newAccountSchema } from "@/lib/validation/users";
import { createOwner } from "@/lib/dal/users";
import { requestAddress } from "@/lib/dal/session";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function createOwnerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const ip = await requestAddress();
  const result = await runAction(newAccountSchema, formObject(formData), async (account) => {
    await createOwner(account, { ip });
    return { message: "Owner account created.", data: undefined };
  });
  if (result?.ok) redirect(`/admin/login?setup=done&email=${encodeURIComponent(String(formData.get("email") ?? "").trim().toLowerCase())}`);
  return result;
}
