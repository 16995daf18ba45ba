"use server";
import { addLiveEntryCorrection } from "@/lib/dal/live-entries";
import { liveEntryCorrectionSchema } from "@/lib/validation/live";
import { runAction, type ActionState } from "@/lib/actions/result";

/** A public correction or update note on one entry. */
export async function correctLiveEntryAction(input: unknown): Promise<ActionState> {
  return runAction(liveEntryCorrectionSchema, input, async (data) => {
    await addLiveEntryCorrection(data);
    return { message: data.kind === "UPDATE" ? "Update note published." : "Correction published." };
  });
}
