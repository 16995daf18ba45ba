"use server";
import { redirect } from "next/navigation";
import { importStory } from "@/lib/dal/stories";
import { importStorySchema } from "@/lib/validation/stories";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function importStoryAction(_previous: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const result = await runAction(importStorySchema, formObject(formData), async ({ raw }) => ({ message: "Imported as a draft.", data: await importStory(raw) }));
  if (result?.ok && result.data) redirect(`/admin/stories/${result.data.id}?imported=1`);
  return result;
}
