"use server";
import { z } from "zod";
import { getStoryForEdit } from "@/lib/dal/stories";
import { runAction, type ActionState } from "@/lib/actions/result";
import { NotFoundError } from "@/lib/dal/errors";

/** The stored version of a story's text, for comparing with unsaved edits after a conflict. */
export async function currentFieldsAction(input: unknown): Promise<ActionState<{ headline: string; standfirst: string; body: string; version: number }>> {
  return runAction(z.object({ id: z.string().min(1).max(64) }), input, async ({ id }) => {
    const story = await getStoryForEdit(id);
    if (!story) throw new NotFoundError();
    return { message: "", data: { headline: story.fields.headline, standfirst: story.fields.standfirst, body: story.fields.body, version: story.version } };
  });
}
