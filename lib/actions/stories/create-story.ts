"use server";
import { redirect } from "next/navigation";
import { createStory } from "@/lib/dal/stories";
import { newStorySchema } from "@/lib/validation/stories";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function createStoryAction(_previous: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const result = await runAction(newStorySchema, formObject(formData), async ({ headline }) => ({ message: "Draft created.", data: await createStory({ headline }) }));
  if (result?.ok && result.data) redirect(`/admin/stories/${result.data.id}`);
  return result;
}
