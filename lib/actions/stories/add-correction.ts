"use server";
import { addCorrection } from "@/lib/dal/workflow";
import { correctionSchema } from "@/lib/validation/stories";
import { runAction, type ActionState } from "@/lib/actions/result";

export async function addCorrectionAction(input: unknown): Promise<ActionState<{ version: number }>> {
  return runAction(correctionSchema, input, async (data) => ({
    message: data.kind === "UPDATE" ? "Update note published." : "Correction published.",
    data: await addCorrection(data),
  }));
}
