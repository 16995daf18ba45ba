"use server";
import { z } from "zod";
import { beat, leaveStory } from "@/lib/dal/presence";
import { runAction, type ActionState } from "@/lib/actions/result";

const idSchema = z.object({ id: z.string().min(1).max(64) });
const beatSchema = idSchema.extend({ typing: z.boolean().default(false) });

export interface HeartbeatView {
  others: { name: string; lastSeenAt: string; typing: boolean }[];
  version: number;
}

/** Who else has the story open or is typing in it, and the stored version. `typing` says this person just typed. */
export async function heartbeatAction(input: unknown): Promise<ActionState<HeartbeatView>> {
  return runAction(beatSchema, input, async ({ id, typing }) => {
    const result = await beat(id, { typing });
    return {
      message: "",
      data: { version: result?.version ?? 0, others: (result?.others ?? []).map((p) => ({ name: p.name, lastSeenAt: p.lastSeenAt.toISOString(), typing: p.typing })) },
    };
  });
}

export async function leaveStoryAction(input: unknown): Promise<ActionState> {
  return runAction(idSchema, input, async ({ id }) => {
    await leaveStory(id);
    return { message: "" };
  });
}
