"use server";
import { refresh } from "next/cache";
import { changeRole } from "@/lib/dal/people";
import { changeRoleSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

const AS_NOUN = { ADMIN: "an admin", EDITOR: "an editor", WRITER: "a writer" } as const;

export async function changeRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(changeRoleSchema, formObject(formData), async ({ userId, role }) => {
    const { changed, name } = await changeRole(userId, role);
    refresh();
    return { message: changed ? `${name} is now ${AS_NOUN[role]}.` : `${name} is already ${AS_NOUN[role]}.` };
  });
}
