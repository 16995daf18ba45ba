"use server";
import { refresh } from "next/cache";
import { deleteWebhookEndpoint } from "@/lib/dal/webhooks";
import { webhookEndpointIdSchema } from "@/lib/validation/webhooks";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function deleteWebhookEndpointAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(webhookEndpointIdSchema, formObject(formData), async ({ id }) => {
    const { url } = await deleteWebhookEndpoint(id);
    refresh();
    return { message: `${url} is deleted, with its delivery log.` };
  });
}
