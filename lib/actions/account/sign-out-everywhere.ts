"use server";
import { z } from "zod";
import { signOutEverywhere } from "@/lib/dal/account";
import { runAction, type ActionState } from "@/lib/actions/result";

export async function signOutEverywhereAction(_previous: ActionState): Promise<ActionState> {
  return runAction(z.object({}), {}, async () => {
    await signOutEverywhere();
    return { message: "Signed out everywhere. Sign in again to carry on." };
  });
}
