import { z } from "zod";
import { email, newPassword } from "./users";

/** The one answer to "Forgot password?", whatever the address (no user enumeration). */
export const FORGOT_ANSWER = "If that address belongs to an account, a link to choose a new password is on its way. It works once, for 1 hour.";

export const forgotPasswordSchema = z.object({ email });

/** Choosing a password from an invitation or reset link (the personal-data check happens where the account is known). */
export const accountLinkPasswordSchema = z
  .object({
    token: z.string().trim().min(1, "This link is not complete.").max(200, "This link is not complete."),
    kind: z.enum(["invite", "reset"]),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "The two passwords are not the same." });

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.undefined()])
  .transform((value) => value === "on" || value === "true");

export const notificationPreferencesSchema = z.object({ notifyReview: checkbox, notifyWorkflow: checkbox, notifyFailures: checkbox });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
