import "server-only";
import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export interface NewStoryComment {
  articleId: string;
  authorId: string | null;
  body: string;
  parentId?: string | null;
  anchorIndex?: number | null;
  anchorText?: string | null;
}

/**
 * Adds an editorial note inside the caller's transaction (the workflow's "sent back" note goes through here).
 * Contract for the newsroom issue's writers; the notes work fills in the body and the rest of this module.
 */
export async function addStoryComment(tx: Tx, input: NewStoryComment): Promise<{ id: string }> {
  const row = await tx.storyComment.create({
    data: {
      articleId: input.articleId,
      authorId: input.authorId,
      body: input.body,
      parentId: input.parentId ?? null,
      anchorIndex: input.anchorIndex ?? null,
      anchorText: input.anchorText ?? null,
    },
    select: { id: true },
  });
  return row;
}
