"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { startTotpEnrolment } from "@/lib/dal/account";
import { runAction, type ActionState } from "@/lib/actions/result";

// The page shows the pending key and QR code (read again on every render, so a reload keeps them); this only starts.
export async function startTotpEnrolmentAction(_previous: ActionState): Promise<ActionState> {
  return runAction(z.object({}), {}, async () => {
    await startTotpEnrolment();
    refresh();
    return { message: "Scan the QR code, or type the key, into your authenticator app." };
  });
}
