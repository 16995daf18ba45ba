"use server";
import { redirect } from "next/navigation";
import { deleteTag } from "@/lib/dal/taxonomy";
import { deleteRecordSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function deleteTagAction(_previous: ActionState<{ name: string }>, formData: FormData): Promise<ActionState<{ name: string }>> {
  const result = await runAction(deleteRecordSchema, formObject(formData), async ({ id }) => {
    const { name } = await deleteTag(id);
    return { message: `Tag “${name}” deleted.`, data: { name } };
  });
  if (result?.ok && result.data) redirect(`/admin/tags?deleted=${encodeURIComponent(result.data.name)}`);
  return result;
}
