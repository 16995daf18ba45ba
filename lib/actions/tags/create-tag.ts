"use server";
import { createTag } from "@/lib/dal/taxonomy";
import { tagSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function createTagAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(tagSchema, formObject(formData), async (input) => {
    const tag = await createTag(input);
    return { message: `Tag “${tag.name}” created at /tags/${tag.slug}.` };
  });
}
