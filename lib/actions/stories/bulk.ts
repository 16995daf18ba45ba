"use server";
import { revalidatePath } from "next/cache";
import { bulkArchive, bulkMoveToSection, bulkTrash, describeBulk } from "@/lib/dal/story-bulk";
import { bulkIdsSchema, bulkMoveSchema } from "@/lib/validation/story-bulk";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

// The story list's bulk actions: the checked rows' ids, one data-layer call each (which checks every story itself).

export async function bulkMoveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(bulkMoveSchema, formObject(formData), async ({ ids, section }) => {
    const outcome = await bulkMoveToSection(ids, section);
    return { message: describeBulk(outcome, "moved") };
  });
  if (result?.ok) revalidatePath("/admin/stories");
  return result;
}

export async function bulkArchiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(bulkIdsSchema, formObject(formData), async ({ ids }) => ({ message: describeBulk(await bulkArchive(ids), "archived") }));
  if (result?.ok) revalidatePath("/admin/stories");
  return result;
}

export async function bulkTrashAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(bulkIdsSchema, formObject(formData), async ({ ids }) => ({ message: describeBulk(await bulkTrash(ids), "moved to the trash") }));
  if (result?.ok) revalidatePath("/admin", "layout");
  return result;
}
