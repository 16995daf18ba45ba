"use server";
import { z } from "zod";
import { getEditorChoices } from "@/lib/dal/stories";
import { runAction, type ActionState } from "@/lib/actions/result";

export interface ImageChoice {
  id: string;
  url: string;
  alt: string;
  name: string;
}

/** The newest images, for the editor's hero list: it includes what was uploaded since the editor opened. */
export async function listImagesAction(input: unknown = {}): Promise<ActionState<ImageChoice[]>> {
  return runAction(z.object({}), input, async () => ({ message: "", data: (await getEditorChoices()).images }));
}
