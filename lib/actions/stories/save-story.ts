"use server";
import { saveStory, type SaveResult } from "@/lib/dal/stories";
import { saveStorySchema } from "@/lib/validation/stories";
import { runAction, type ActionState } from "@/lib/actions/result";

/** Autosave and manual save. The input names the version the editor started from; a newer stored version is a conflict. */
export async function saveStoryAction(input: unknown): Promise<ActionState<SaveResult>> {
  return runAction(saveStorySchema, input, async (data) => {
    const saved = await saveStory(data);
    return { message: data.mode === "manual" ? "Saved." : "Saved automatically.", data: saved };
  });
}
