"use server";
import { createByline } from "@/lib/dal/taxonomy";
import { bylineSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function createBylineAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(bylineSchema, formObject(formData), async (input) => {
    const byline = await createByline(input);
    return { message: `Byline “${byline.name}” created at /authors/${byline.slug}.` };
  });
}
