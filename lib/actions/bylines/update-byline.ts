"use server";
import { updateByline } from "@/lib/dal/taxonomy";
import { bylineUpdateSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function updateBylineAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(bylineUpdateSchema, formObject(formData), async (input) => {
    const { byline, changed } = await updateByline(input);
    return { message: changed ? `Byline “${byline.name}” saved.` : "Nothing to save: no field changed." };
  });
}
