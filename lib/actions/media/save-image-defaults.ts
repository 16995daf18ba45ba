"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { mediaDetailsFields } from "@/lib/validation/media";
import { saveImageDefaults, type EditorImage } from "@/lib/dal/media";
import { runAction, type ActionState } from "@/lib/actions/result";

const saveImageDefaultsSchema = z.object({ url: z.string().trim().min(1).max(300), ...mediaDetailsFields });

/** "Also save to library": the alt text, caption and credit given to one use of an image become its defaults. */
export async function saveImageDefaultsAction(input: unknown): Promise<ActionState<EditorImage>> {
  const result = await runAction(saveImageDefaultsSchema, input, async ({ url, ...details }) => ({
    message: "Saved to the media library too.",
    data: await saveImageDefaults(url, details),
  }));
  if (result?.ok) revalidatePath("/admin/media", "layout");
  return result;
}
