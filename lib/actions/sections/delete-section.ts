"use server";
import { redirect } from "next/navigation";
import { deleteSection } from "@/lib/dal/taxonomy";
import { deleteRecordSchema } from "@/lib/validation/taxonomy";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

export async function deleteSectionAction(_previous: ActionState<{ name: string }>, formData: FormData): Promise<ActionState<{ name: string }>> {
  const result = await runAction(deleteRecordSchema, formObject(formData), async ({ id }) => {
    const { name } = await deleteSection(id);
    return { message: `Section “${name}” deleted.`, data: { name } };
  });
  if (result?.ok && result.data) redirect(`/admin/sections?deleted=${encodeURIComponent(result.data.name)}`);
  return result;
}
