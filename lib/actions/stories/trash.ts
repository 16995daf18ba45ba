"use server";
import { revalidatePath } from "next/cache";
import { deleteStoryForever, restoreStory, trashStory } from "@/lib/dal/trash";
import { trashStorySchema } from "@/lib/validation/story-bulk";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

// The trash's buttons: each a form posting one story's id.

export async function trashStoryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(trashStorySchema, formObject(formData), async ({ id }) => {
    const { headline } = await trashStory(id);
    return { message: `“${headline}” moved to the trash. You can restore it from the Trash for 30 days.` };
  });
  if (result?.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function restoreStoryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(trashStorySchema, formObject(formData), async ({ id }) => {
    const { headline } = await restoreStory(id);
    return { message: `“${headline}” restored.` };
  });
  if (result?.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function deleteStoryForeverAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(trashStorySchema, formObject(formData), async ({ id }) => {
    const { headline } = await deleteStoryForever(id);
    return { message: `“${headline}” deleted for good.` };
  });
  if (result?.ok) revalidatePath("/admin", "layout");
  return result;
}
