"use server";
import { saveSitePage } from "@/lib/dal/site-pages";
import { sitePageSchema } from "@/lib/validation/site-pages";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function saveSitePageAction(_previous: ActionState<{ version: number }>, formData: FormData): Promise<ActionState<{ version: number }>> {
  return runAction(sitePageSchema, formObject(formData), async (input) => {
    const { version, changed } = await saveSitePage(input);
    return { message: changed ? "Page saved." : "Nothing to save: the page has not changed.", data: { version } };
  });
}
