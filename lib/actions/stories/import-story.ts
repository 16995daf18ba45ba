"use server";
import { redirect } from "next/navigation";
import { createStory } from "@/lib/dal/stories";
import { FORMAT_LABELS, ORIGIN_LABELS } from "@/lib/content/import/labels";
import { importDraftSchema } from "@/lib/validation/import";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

/** Creates a draft from an import preview, as the person corrected it, through the same path as any new story. */
export async function importStoryAction(_previous: ActionState<{ id: string }>, formData: FormData): Promise<ActionState<{ id: string }>> {
  const result = await runAction(importDraftSchema, formObject(formData), async (draft) => ({
    message: "Imported as a draft.",
    data: await createStory({
      headline: draft.headline,
      standfirst: draft.standfirst,
      body: draft.body,
      tags: [],
      embargoUntil: draft.embargoUntil ?? null,
      reason: `Imported from ${FORMAT_LABELS[draft.format]}${draft.origin ? ` pasted from ${ORIGIN_LABELS[draft.origin]}` : ""}`,
    }),
  }));
  if (result?.ok && result.data) redirect(`/admin/stories/${result.data.id}?imported=1`);
  return result;
}
