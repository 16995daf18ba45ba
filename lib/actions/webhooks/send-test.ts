"use server";
import { refresh } from "next/cache";
import { sendTestDelivery } from "@/lib/dal/webhooks";
import { webhookEndpointIdSchema } from "@/lib/validation/webhooks";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function sendTestWebhookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(webhookEndpointIdSchema, formObject(formData), async ({ id }) => {
    await sendTestDelivery(id);
    refresh();
    return { message: "Test event queued: it is sent in the background; reload the delivery log to see the answer." };
  });
}
