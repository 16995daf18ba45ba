"use server";
import { revalidatePath } from "next/cache";
import { uploadMediaSchema } from "@/lib/validation/media";
import { uploadMedia } from "@/lib/dal/media";
import { runAction, type ActionState } from "@/lib/actions/result";

export type UploadResult = ActionState<{ id: string }>;

/** Uploads one image. The declared size is checked before the file is read; its bytes are checked by the data layer. */
export async function uploadMediaAction(_previous: UploadResult, formData: FormData): Promise<UploadResult> {
  const input = { file: formData.get("file"), alt: formData.get("alt") ?? undefined };
  const result = await runAction(uploadMediaSchema, input, async ({ file, alt }) => {
    const media = await uploadMedia(new Uint8Array(await file.arrayBuffer()), file.name, { alt });
    const next = media.alt ? "" : " Add alt text before using it in a published story.";
    return { message: `Uploaded ${media.originalName}.${next}`, data: { id: media.id } };
  });
  if (result?.ok) revalidatePath("/admin/media", "layout");
  return result;
}
