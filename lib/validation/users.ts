import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";

export const email = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." }).max(254));
export const personName = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

/** A new account (first-run owner, people management, the admin command): the password must pass the policy. */
export const newPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const newAccountSchema = z
  .object({ email, name: personName, password: newPassword })
  .superRefine((value, ctx) => {
    // The field's own check already reported length and common passwords; this adds the personal-data check.
    if (passwordProblem(value.password)) return;
    const problem = passwordProblem(value.password, { email: value.email, name: value.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type NewAccount = z.infer<typeof newAccountSchema>;
