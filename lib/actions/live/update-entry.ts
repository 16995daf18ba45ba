"use server";
import { updateLiveEntry } from "@/lib/dal/live-entries";
import { updateLiveEntrySchema } from "@/lib/validation/live";
import { runAction, type ActionState } from "@/lib/actions/result";

/** Saves an edited entry (readers see "Updated HH:MM"). */
export async function updateLiveEntryAction(input: unknown): Promise<ActionState<{ version: number }>> {
  return runAction(updateLiveEntrySchema, input, async (data) => ({ message: "Entry updated.", data: await updateLiveEntry(data) }));
}
