"use server";
import { createSection } from "@/lib/dal/taxonomy";
import { sectionSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function createSectionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(sectionSchema, formObject(formData), async (input) => {
    const section = await createSection(input);
    return { message: `Section “${section.name}” created at /sections/${section.slug}. It is last in the navigation.` };
  });
}
