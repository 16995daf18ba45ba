"use server";
import { deleteLiveEntry } from "@/lib/dal/live-entries";
import { deleteLiveEntrySchema } from "@/lib/validation/live";
import { runAction, type ActionState } from "@/lib/actions/result";

/** Deletes an entry (kept with its revisions for the record, never shown again). */
export async function deleteLiveEntryAction(input: unknown): Promise<ActionState> {
  return runAction(deleteLiveEntrySchema, input, async (data) => {
    await deleteLiveEntry(data);
    return { message: "Entry deleted." };
  });
}
