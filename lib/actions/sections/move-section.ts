"use server";
import { moveSection } from "@/lib/dal/taxonomy";
import { sectionMoveSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function moveSectionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(sectionMoveSchema, formObject(formData), async (input) => {
    const { name, position, total, moved } = await moveSection(input);
    return { message: moved ? `Moved “${name}” ${input.direction}: now ${position} of ${total}.` : `“${name}” is already ${position === 1 ? "first" : "last"}.` };
  });
}
