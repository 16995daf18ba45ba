"use server";
import { z } from "zod";
import { heartbeat, leaveStory } from "@/lib/dal/presence";
import { runAction, type ActionState } from "@/lib/actions/result";

const idSchema = z.object({ id: z.string().min(1).max(64) });

export async function heartbeatAction(input: unknown): Promise<ActionState<{ name: string; lastSeenAt: string }[]>> {
  return runAction(idSchema, input, async ({ id }) => ({
    message: "",
    data: ((await heartbeat(id)) ?? []).map((p) => ({ name: p.name, lastSeenAt: p.lastSeenAt.toISOString() })),
  }));
}

export async function leaveStoryAction(input: unknown): Promise<ActionState> {
  return runAction(idSchema, input, async ({ id }) => {
    await leaveStory(id);
    return { message: "" };
  });
}
