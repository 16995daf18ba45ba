"use server";
import { postLiveEntry } from "@/lib/dal/live-entries";
import { postLiveEntrySchema } from "@/lib/validation/live";
import { runAction, type ActionState } from "@/lib/actions/result";

/** Posts an entry to a live coverage (the live desk's composer). */
export async function postLiveEntryAction(input: unknown): Promise<ActionState<{ id: string; version: number }>> {
  return runAction(postLiveEntrySchema, input, async (data) => ({ message: "Entry posted.", data: await postLiveEntry(data) }));
}
