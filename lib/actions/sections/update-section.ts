"use server";
import { updateSection } from "@/lib/dal/taxonomy";
import { sectionUpdateSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function updateSectionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(sectionUpdateSchema, formObject(formData), async (input) => {
    const { section, changed } = await updateSection(input);
    return { message: changed ? `Section “${section.name}” saved.` : "Nothing to save: no field changed." };
  });
}
