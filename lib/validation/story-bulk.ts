import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const ids = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(id).min(1, "Select at least one story.").max(100, "Select at most 100 stories at a time."));

/** One story in the trash (or on its way there). */
export const trashStorySchema = z.object({ id });

/** The stories a bulk action applies to (the checked rows: repeated `ids`). */
export const bulkIdsSchema = z.object({ ids });

/** Move the checked stories to a section; an empty section means "no section". */
export const bulkMoveSchema = z.object({
  ids,
  section: z.string().trim().max(120).transform((value) => value || null),
});
