"use server";
import { refresh } from "next/cache";
import { setWebhookEndpointActive } from "@/lib/dal/webhooks";
import { webhookActiveSchema } from "@/lib/validation/webhooks";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function setWebhookEndpointActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(webhookActiveSchema, formObject(formData), async ({ id, active }) => {
    const { url } = await setWebhookEndpointActive(id, active);
    refresh();
    return { message: active ? `${url} receives events again.` : `${url} is disabled: no more events go there.` };
  });
}
