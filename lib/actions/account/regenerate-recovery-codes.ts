"use server";
import { refresh } from "next/cache";
import { regenerateRecoveryCodes } from "@/lib/dal/account";
import { confirmWithPasswordSchema } from "@/lib/validation/account";
import { formObject, runAction } from "@/lib/actions/result";
import type { RecoveryCodesState } from "./confirm-totp-enrolment";

export async function regenerateRecoveryCodesAction(_previous: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  return runAction(confirmWithPasswordSchema, formObject(formData), async ({ password }) => {
    const data = await regenerateRecoveryCodes(password);
    refresh();
    return { message: "New recovery codes made. Your old codes no longer work.", data };
  });
}
