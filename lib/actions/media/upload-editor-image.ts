"use server";
import { revalidatePath } from "next/cache";
import { uploadMediaSchema } from "@/lib/validation/media";
import { uploadEditorImage, type EditorImage } from "@/lib/dal/media";
import { runAction, type ActionState } from "@/lib/actions/result";

/** Uploads one image dropped, pasted or chosen in the story editor; answers with the image so it can be inserted. */
export async function uploadEditorImageAction(formData: FormData): Promise<ActionState<EditorImage>> {
  const result = await runAction(uploadMediaSchema, { file: formData.get("file") }, async ({ file }) => {
    const image = await uploadEditorImage(new Uint8Array(await file.arrayBuffer()), file.name);
    return { message: `Uploaded ${image.name}.`, data: image };
  });
  if (result?.ok) revalidatePath("/admin/media", "layout");
  return result;
}
