import { z } from "zod";

const id = z.string().min(1).max(64);
export const NOTE_MAX = 5_000;
const body = z.string().trim().min(1, "Write the note first.").max(NOTE_MAX, `Keep a note under ${NOTE_MAX.toLocaleString("en-US")} characters.`);

export const listNotesSchema = z.object({ articleId: id });

export const addNoteSchema = z.object({
  articleId: id,
  body,
  parentId: id.nullish(),
  anchorIndex: z.coerce.number().int("Choose a paragraph from the list.").min(0, "Choose a paragraph from the list.").max(10_000).nullish(),
  anchorText: z.string().trim().max(200).nullish(),
});

export const editNoteSchema = z.object({ id, body });
export const deleteNoteSchema = z.object({ id });
export const resolveNoteSchema = z.object({ id, resolved: z.boolean() });

export type AddNoteInput = z.infer<typeof addNoteSchema>;
