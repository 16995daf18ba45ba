"use server";
import { z } from "zod";
import { listEditorImages, type EditorImage } from "@/lib/dal/media";
import { runAction, type ActionState } from "@/lib/actions/result";

/** The library's newest images for the editor's pickers, including any uploaded since the editor opened. */
export async function listEditorImagesAction(): Promise<ActionState<EditorImage[]>> {
  return runAction(z.object({}), {}, async () => ({ message: "", data: await listEditorImages() }));
}
