"use server";
import { redirect } from "next/navigation";
import { restoreRevision } from "@/lib/dal/revisions";
import { restoreSchema } from "@/lib/validation/stories";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function restoreRevisionAction(_previous: ActionState<{ version: number }>, formData: FormData): Promise<ActionState<{ version: number }>> {
  const input = formObject(formData);
  const result = await runAction(restoreSchema, { ...input, baseVersion: Number(input.baseVersion) }, async (data) => ({ message: "Revision restored.", data: await restoreRevision(data) }));
  if (result?.ok) redirect(`/admin/stories/${String(input.id)}?restored=1`);
  return result;
}
