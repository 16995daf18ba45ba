import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { passwordProblem } from "@/lib/auth/password-policy";
import { email, newPassword, personName } from "./users";

export const role = z.enum(ROLES as [Role, ...Role[]], { message: "Choose a role." });

const userId = z.string().trim().min(1, "Choose a person.").max(64, "Choose a person.");

/** A new staff account set up by an admin, with an initial password that passes the policy. */
export const newPersonSchema = z
  .object({ name: personName, email, role, password: newPassword })
  .superRefine((value, ctx) => {
    if (passwordProblem(value.password)) return;
    const problem = passwordProblem(value.password, { email: value.email, name: value.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const changeRoleSchema = z.object({ userId, role });

export const setDisabledSchema = z.object({
  userId,
  disabled: z.enum(["true", "false"], { message: "Choose disable or enable." }).transform((value) => value === "true"),
});

export const personSchema = z.object({ userId });

export type NewPerson = z.infer<typeof newPersonSchema>;

/** An invitation: the person chooses their own password from the emailed link. */
export const invitePersonSchema = z.object({ name: personName, email, role });
