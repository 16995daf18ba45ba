"use server";
import { getSiteSettings } from "@/lib/dal/settings";
import { addNote, deleteNote, editNote, listStoryComments, setNoteResolved, type StoryCommentView } from "@/lib/dal/story-comments";
import { addNoteSchema, deleteNoteSchema, editNoteSchema, listNotesSchema, resolveNoteSchema } from "@/lib/validation/comments";
import { runAction, type ActionState } from "@/lib/actions/result";

/** A note as sent to the browser: dates as ISO strings. */
export type StoryNote = Omit<StoryCommentView, "createdAt" | "updatedAt" | "resolvedAt" | "replies"> & {
  createdAt: string;
  resolvedAt: string | null;
  replies: (Omit<StoryCommentView["replies"][number], "createdAt" | "updatedAt"> & { createdAt: string })[];
};

function toClient(note: StoryCommentView): StoryNote {
  const { createdAt, updatedAt: _updated, resolvedAt, replies, ...rest } = note;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    resolvedAt: resolvedAt?.toISOString() ?? null,
    replies: replies.map(({ createdAt: at, updatedAt: _u, ...reply }) => ({ ...reply, createdAt: at.toISOString() })),
  };
}

/** The notes on a story, and the site's time zone to read their times on. */
export async function listNotesAction(input: unknown): Promise<ActionState<{ notes: StoryNote[]; timeZone: string }>> {
  return runAction(listNotesSchema, input, async ({ articleId }) => {
    const [notes, { timeZone }] = await Promise.all([listStoryComments(articleId), getSiteSettings()]);
    return { message: "", data: { notes: notes.map(toClient), timeZone } };
  });
}

export async function addNoteAction(input: unknown): Promise<ActionState<{ id: string }>> {
  return runAction(addNoteSchema, input, async (data) => ({ message: data.parentId ? "Reply added." : "Note added.", data: await addNote(data) }));
}

export async function editNoteAction(input: unknown): Promise<ActionState> {
  return runAction(editNoteSchema, input, async (data) => {
    await editNote(data);
    return { message: "Note changed." };
  });
}

export async function deleteNoteAction(input: unknown): Promise<ActionState> {
  return runAction(deleteNoteSchema, input, async (data) => {
    await deleteNote(data);
    return { message: "Note deleted." };
  });
}

export async function resolveNoteAction(input: unknown): Promise<ActionState> {
  return runAction(resolveNoteSchema, input, async (data) => {
    await setNoteResolved(data);
    return { message: data.resolved ? "Note resolved." : "Note reopened." };
  });
}
