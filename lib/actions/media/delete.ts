"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteMediaSchema } from "@/lib/validation/media";
import { deleteMedia } from "@/lib/dal/media";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

/** Deletes an image that nothing uses, then returns to the library. */
export async function deleteMediaAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(deleteMediaSchema, formObject(formData), async ({ id }) => {
    const { originalName } = await deleteMedia(id);
    return { message: `Deleted ${originalName}.` };
  });
  if (!result?.ok) return result;
  revalidatePath("/admin/media", "layout");
  redirect("/admin/media?deleted=1");
}
