"use server";
import { cancelScheduledUpdate, scheduleUpdate } from "@/lib/dal/workflow";
import { scheduleUpdateSchema } from "@/lib/validation/stories";
import { runAction, type ActionState } from "@/lib/actions/result";
import { z } from "zod";

export async function scheduleUpdateAction(input: unknown): Promise<ActionState<{ id: string }>> {
  return runAction(scheduleUpdateSchema, input, async (data) => ({
    message: "Update scheduled. The live story stays as it is until then.",
    data: await scheduleUpdate({ ...data, runAt: data.runAt! }),
  }));
}

export async function cancelScheduledUpdateAction(input: unknown): Promise<ActionState> {
  return runAction(z.object({ updateId: z.string().min(1).max(64) }), input, async ({ updateId }) => {
    await cancelScheduledUpdate(updateId);
    return { message: "Scheduled update cancelled." };
  });
}
