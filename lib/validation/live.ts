import { z } from "zod";
import { isNestingAcceptable, NESTING_MESSAGE } from "@/lib/content/markdown-limits";

// Live coverage entries (#12 §1): checked like a story's body (the same size and nesting limits), with a short title.

export const LIVE_ENTRY_TITLE_MAX = 200;
export const LIVE_ENTRY_BODY_MAX = 50_000;

const id = z.string().trim().min(1).max(64);

export const liveEntryFieldsSchema = z
  .object({
    title: z.string().trim().max(LIVE_ENTRY_TITLE_MAX, `Keep the title under ${LIVE_ENTRY_TITLE_MAX} characters.`).default(""),
    body: z
      .string()
      .max(LIVE_ENTRY_BODY_MAX, `The entry is too long (${LIVE_ENTRY_BODY_MAX.toLocaleString("en")} characters at most).`)
      .refine(isNestingAcceptable, NESTING_MESSAGE),
    keyEvent: z.boolean().default(false),
    pinned: z.boolean().default(false),
    bylineIds: z.array(id).max(10, "Use at most 10 bylines.").default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.title && !value.body.trim()) ctx.addIssue({ code: "custom", path: ["body"], message: "Write the entry (a title or some text)." });
  });

export type LiveEntryFields = z.infer<typeof liveEntryFieldsSchema>;

export const postLiveEntrySchema = z.object({ articleId: id, fields: liveEntryFieldsSchema });

export const updateLiveEntrySchema = z.object({ entryId: id, baseVersion: z.number().int().positive(), fields: liveEntryFieldsSchema });

export const deleteLiveEntrySchema = z.object({ entryId: id, baseVersion: z.number().int().positive() });

export const liveEntryCorrectionSchema = z.object({
  entryId: id,
  kind: z.enum(["CORRECTION", "UPDATE"]).default("CORRECTION"),
  body: z.string().trim().min(1, "Write the note readers will see.").max(2000, "Keep the note under 2,000 characters."),
});

export const COVERAGE_STEPS = ["enable", "disable", "start", "end", "reopen"] as const;
export type CoverageStep = (typeof COVERAGE_STEPS)[number];

export const coverageStepSchema = z.object({ articleId: id, step: z.enum(COVERAGE_STEPS, "Choose start, end or reopen.") });
