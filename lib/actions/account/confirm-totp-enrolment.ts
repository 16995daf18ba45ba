"use server";
import { confirmTotpEnrolment } from "@/lib/dal/account";
import { totpCodeSchema } from "@/lib/validation/account";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export type RecoveryCodesState = ActionState<{ recoveryCodes: string[] }>;

// No refresh here: the page would swap this form for the "on" view and lose the codes, which are shown only once.
export async function confirmTotpEnrolmentAction(_previous: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  return runAction(totpCodeSchema, formObject(formData), async ({ code }) => {
    const data = await confirmTotpEnrolment(code);
    return { message: "Two-factor sign-in is on. From now on, you will be asked for a code when you sign in.", data };
  });
}
