"use server";
import { refresh } from "next/cache";
import { setDisabled } from "@/lib/dal/people";
import { setDisabledSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function setDisabledAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(setDisabledSchema, formObject(formData), async ({ userId, disabled }) => {
    const { changed, name } = await setDisabled(userId, disabled);
    refresh();
    if (!changed) return { message: `${name} is already ${disabled ? "disabled" : "enabled"}.` };
    return { message: disabled ? `${name} is disabled and signed out everywhere.` : `${name} can sign in again.` };
  });
}
