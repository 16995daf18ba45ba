"use server";
import { updateTag } from "@/lib/dal/taxonomy";
import { tagUpdateSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function updateTagAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(tagUpdateSchema, formObject(formData), async (input) => {
    const { tag, changed } = await updateTag(input);
    return { message: changed ? `Tag “${tag.name}” saved.` : "Nothing to save: no field changed." };
  });
}
