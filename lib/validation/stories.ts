import { z } from "zod";
import { isSlug } from "@/lib/content/slug";
import { isNestingAcceptable, NESTING_MESSAGE } from "@/lib/content/markdown-limits";
import { STATUSES } from "@/lib/auth/permissions";
import { optionalDateTime, optionalScheduleDateTime } from "./dates";

const optionalId = z.string().trim().max(64).transform((value) => value || null).nullable().optional();
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).transform((value) => value || null).nullable().optional();

// Every date field goes through the shared, range-checked schemas (lib/validation/dates.ts).
export { optionalDateTime, optionalScheduleDateTime } from "./dates";

/** The editable fields of a story, as the editor sends them on every save (autosave and manual). */
/** The type of work a story is (The Trust Project), labelled on the site and mapped to a schema.org type. */
export const WORK_TYPES = ["NEWS", "ANALYSIS", "OPINION", "REVIEW", "EXPLAINER", "SPONSORED"] as const;
export type WorkTypeName = (typeof WORK_TYPES)[number];
export const WORK_TYPE_LABELS: Record<WorkTypeName, string> = {
  NEWS: "News",
  ANALYSIS: "Analysis",
  OPINION: "Opinion",
  REVIEW: "Review",
  EXPLAINER: "Explainer",
  SPONSORED: "Sponsored",
};

export const DATELINE_MAX = 60;

export const storyFieldsSchema = z.object({
  headline: z.string().trim().max(300, "Keep the headline under 300 characters."),
  standfirst: z.string().trim().max(600, "Keep the standfirst under 600 characters."),
  body: z.string().max(200_000, "The story is too long (200,000 characters at most).").refine(isNestingAcceptable, NESTING_MESSAGE),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120, "Keep the slug under 120 characters.")
    .refine((value) => value === "" || isSlug(value), "Use lower-case letters, digits and single hyphens, e.g. storm-hits-coast."),
  sectionId: optionalId,
  tags: z.array(z.string().trim().min(1).max(60, "Keep each tag under 60 characters.")).max(20, "Use at most 20 tags.").default([]),
  bylineIds: z.array(z.string().trim().min(1).max(64)).max(10, "Use at most 10 bylines.").default([]),
  heroMediaId: optionalId,
  seoTitle: optionalText(120, "Keep the SEO title under 120 characters."),
  seoDescription: optionalText(300, "Keep the SEO description under 300 characters."),
  breaking: z.boolean().default(false),
  breakingUntil: optionalDateTime,
  featured: z.boolean().default(false),
  /** Nothing publishes or schedules the story before this (lib/dal/embargo.ts); blank lifts it. Only who may publish may change it. */
  embargoUntil: optionalDateTime,
  // Optional so writers that predate them (a scheduled update's stored changes) leave the stored values alone.
  workType: z.enum(WORK_TYPES, "Choose a type of work from the list.").optional(),
  dateline: z
    .string()
    .trim()
    .max(DATELINE_MAX, `Keep the dateline under ${DATELINE_MAX} characters.`)
    .refine((value) => !/[\r\n]/.test(value), "Keep the dateline on one line.")
    .nullable()
    .transform((value) => value || null)
    .optional(),
});

export type StoryFields = z.infer<typeof storyFieldsSchema>;
export type StoryFieldsInput = z.input<typeof storyFieldsSchema>;

export const saveStorySchema = z.object({
  id: z.string().min(1).max(64),
  baseVersion: z.number().int().positive(),
  fields: storyFieldsSchema,
  mode: z.enum(["autosave", "manual"]),
  /** For a live story: whether this save is a substantive update (moves the public "Updated" time). */
  substantive: z.boolean().default(false),
  /** For a live story: the revision loaded into the editor by "Restore", named in the history when it goes live. */
  restoredFrom: z.string().min(1).max(64).nullable().optional(),
});

export const newStorySchema = z.object({
  headline: z.string().trim().min(1, "Enter a headline.").max(300, "Keep the headline under 300 characters."),
});

export const importStorySchema = z.object({
  raw: z.string().trim().min(1, "Paste the story's text.").max(200_000, "The text is too long (200,000 characters at most)."),
});

/** A note to the writer (sending a story back to draft): blank counts as none; the data layer says when one is required. */
export const noteToWriterSchema = z
  .string()
  .trim()
  .max(2000, "Keep the note under 2,000 characters.")
  .transform((value) => value || undefined)
  .optional();

export const transitionSchema = z
  .object({
    id: z.string().min(1).max(64),
    baseVersion: z.number().int().positive(),
    to: z.enum(STATUSES as [string, ...string[]]).transform((value) => value as (typeof STATUSES)[number]),
    scheduledAt: optionalScheduleDateTime,
    note: noteToWriterSchema,
  })
  .superRefine((value, ctx) => {
    if (value.to === "SCHEDULED" && !value.scheduledAt) ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "Choose when the story should go live." });
  });

export const correctionSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(["CORRECTION", "UPDATE"]),
  body: z.string().trim().min(1, "Write the note readers will see.").max(2000, "Keep the note under 2,000 characters."),
  substantive: z.boolean().default(true),
});

export const restoreSchema = z.object({
  id: z.string().min(1).max(64),
  revisionId: z.string().min(1).max(64),
  baseVersion: z.number().int().positive(),
});

export const scheduleUpdateSchema = z.object({
  id: z.string().min(1).max(64),
  baseVersion: z.number().int().positive(),
  fields: storyFieldsSchema,
  runAt: optionalScheduleDateTime.refine((value) => !!value, "Choose when the update should go out."),
  substantive: z.boolean().default(true),
});

/** Move a scheduled story's time, or take it off the schedule (null or blank: back to review). */
export const rescheduleSchema = z.object({
  id: z.string().min(1).max(64),
  baseVersion: z.number().int().positive(),
  scheduledAt: optionalScheduleDateTime.transform((value) => value ?? null),
});
