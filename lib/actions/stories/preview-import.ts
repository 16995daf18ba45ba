"use server";
import { recogniseStory } from "@/lib/content/import/recognise";
import { unreadableReason } from "@/lib/content/import/readable";
import type { RecognisedStory } from "@/lib/content/import/types";
import { requirePermission } from "@/lib/dal/session";
import { importPasteSchema } from "@/lib/validation/import";
import { ActionError, formObject, runAction, type ActionState } from "@/lib/actions/result";

/** Reads a paste and answers what was recognised, for the person to check before a draft is made. Writes nothing. */
export async function previewImportAction(_previous: ActionState<RecognisedStory>, formData: FormData): Promise<ActionState<RecognisedStory>> {
  const raw = formData.get("text");
  const html = formData.get("html");
  // Before the input is cleaned of control characters, which would make a pasted binary file look like text.
  const binary = typeof raw === "string" && !(typeof html === "string" && html.trim()) && raw.trim() ? unreadableReason(raw) : null;
  return runAction(importPasteSchema, formObject(formData), async (paste) => {
    await requirePermission("article.create");
    if (binary) throw new ActionError(binary);
    const result = recogniseStory(paste);
    if (!result.ok) throw new ActionError(result.message);
    return { message: "Check what was recognised, correct it, then create the draft.", data: result.story };
  });
}
