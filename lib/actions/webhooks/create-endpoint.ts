"use server";
import { refresh } from "next/cache";
import { createWebhookEndpoint } from "@/lib/dal/webhooks";
import { webhookEndpointSchema } from "@/lib/validation/webhooks";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

/** Registers an endpoint; the answer carries the signing secret, shown this once. */
export async function createWebhookEndpointAction(_previous: ActionState<{ secret: string }>, formData: FormData): Promise<ActionState<{ secret: string }>> {
  return runAction(webhookEndpointSchema, formObject(formData), async (input) => {
    const { secret } = await createWebhookEndpoint(input);
    refresh();
    return { message: `Endpoint added: events go to ${input.url}. Copy the signing secret now; it is not shown again.`, data: { secret } };
  });
}
