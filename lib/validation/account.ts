import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-limits";
import { passwordProblem } from "@/lib/auth/password-policy";
import { newPassword } from "./users";

/** The password the signed-in user types to confirm a sensitive change (only presence is checked here). */
export const currentPassword = z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH * 4, "Enter your current password.");

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the six-digit code your app shows.")),
});

export const confirmWithPasswordSchema = z.object({ password: currentPassword });

export const changePasswordSchema = z
  .object({ currentPassword, newPassword, confirmPassword: z.string() })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match." });
    // Only once the new password is otherwise acceptable: two empty fields are not "the same password".
    if (!passwordProblem(value.newPassword) && value.newPassword === value.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from your current one." });
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
