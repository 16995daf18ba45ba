"use server";
import { revalidatePath } from "next/cache";
import { updateMediaSchema } from "@/lib/validation/media";
import { updateMediaDetails } from "@/lib/dal/media";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

/** Saves an image's alt text, caption and credit. */
export async function updateMediaAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(updateMediaSchema, formObject(formData), async ({ id, ...details }) => {
    const media = await updateMediaDetails(id, details);
    return { message: media.alt ? "Details saved." : "Details saved. Add alt text before using this image in a published story." };
  });
  if (result?.ok) revalidatePath("/admin/media", "layout");
  return result;
}
