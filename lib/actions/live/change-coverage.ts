"use server";
import { changeCoverage } from "@/lib/dal/live-entries";
import { coverageStepSchema } from "@/lib/validation/live";
import { runAction, type ActionState } from "@/lib/actions/result";

const MESSAGES = {
  enable: "Marked as live coverage.",
  disable: "No longer a live coverage.",
  start: "Coverage started.",
  end: "Coverage ended.",
  reopen: "Coverage reopened.",
} as const;

/** The live flag, and starting, ending or reopening the coverage. */
export async function changeCoverageAction(input: unknown): Promise<ActionState> {
  return runAction(coverageStepSchema, input, async (data) => {
    await changeCoverage({ articleId: data.articleId, step: data.step });
    return { message: MESSAGES[data.step] };
  });
}
