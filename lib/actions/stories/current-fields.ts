"use server";
import { z } from "zod";
import { getStoryForEdit } from "@/lib/dal/stories";
import { runAction, type ActionState } from "@/lib/actions/result";
import { NotFoundError } from "@/lib/dal/errors";
import type { Status } from "@/lib/auth/permissions";
import { toEditorFields, type EditorFields } from "@/components/admin/story-editor/fields";

export interface CurrentStory {
  fields: EditorFields;
  version: number;
  status: Status;
  scheduledAt: string | null;
  savedBy: string | null;
  savedAt: string;
}

/** The stored version of a story, for merging it with unsaved edits after someone else saved first. */
export async function currentFieldsAction(input: unknown): Promise<ActionState<CurrentStory>> {
  return runAction(z.object({ id: z.string().min(1).max(64) }), input, async ({ id }) => {
    const story = await getStoryForEdit(id);
    if (!story) throw new NotFoundError();
    return {
      message: "",
      data: {
        fields: toEditorFields(story.fields),
        version: story.version,
        status: story.status,
        scheduledAt: story.scheduledAt?.toISOString() ?? null,
        savedBy: story.lastEditedBy,
        savedAt: story.updatedAt.toISOString(),
      },
    };
  });
}
