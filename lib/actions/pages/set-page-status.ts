"use server";
import { setSitePageStatus } from "@/lib/dal/site-pages";
import { sitePageStatusSchema } from "@/lib/validation/site-pages";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function setSitePageStatusAction(_previous: ActionState<{ version: number }>, formData: FormData): Promise<ActionState<{ version: number }>> {
  return runAction(sitePageStatusSchema, formObject(formData), async (input) => {
    const { version } = await setSitePageStatus(input);
    return { message: input.status === "PUBLISHED" ? "Page published: readers see it now." : "Page unpublished: readers no longer see it.", data: { version } };
  });
}
