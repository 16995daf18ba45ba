"use server";
import { refresh } from "next/cache";
import { createPerson, invitePerson } from "@/lib/dal/people";
import { invitePersonSchema, newPersonSchema } from "@/lib/validation/people";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";
import type { LinkResult } from "./link-result";

/** Adds a person: with no password given, by emailing an invitation (they choose their own); else with that password. */
export async function createPersonAction(_previous: ActionState<LinkResult>, formData: FormData): Promise<ActionState<LinkResult>> {
  const input = formObject(formData);
  if (!String(formData.get("password") ?? "")) {
    return runAction(invitePersonSchema, input, async (person) => {
      const { person: invited, link } = await invitePerson(person);
      refresh();
      return link
        ? { message: `${invited.name} is invited. Email is not set up, so send them this link yourself: it is shown only now, and works once, for 7 days.`, data: { link } }
        : { message: `Invitation emailed to ${invited.email}. The link works once, for 7 days.` };
    });
  }
  return runAction(newPersonSchema, input, async (person) => {
    const created = await createPerson(person);
    refresh();
    return { message: `${created.name} can now sign in as ${created.email} with the password you chose.` };
  });
}
