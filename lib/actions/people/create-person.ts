"use server";
import { refresh } from "next/cache";
import { createPerson } from "@/lib/dal/people";
import { newPersonSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function createPersonAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(newPersonSchema, formObject(formData), async (input) => {
    const person = await createPerson(input);
    refresh();
    return { message: `${person.name} can now sign in as ${person.email} with the password you chose.` };
  });
}
