import { z } from "zod";
import { bodyProblem, MAX_IMPORT_HTML, MAX_IMPORT_TEXT } from "@/lib/content/import/readable";
import { IMPORT_FORMATS, IMPORT_ORIGINS } from "@/lib/content/import/labels";
import { optionalDateTime } from "./dates";

const TOO_LARGE = "What you pasted is too large to import. Import a shorter story, or split it.";

/** A paste to preview: the clipboard's plain text (or what was typed) and, when it carried formatting, its HTML. */
export const importPasteSchema = z.object({
  // A little over the readers' own limits, so that they, not this schema, say what the limit is.
  text: z.string().max(MAX_IMPORT_TEXT * 2, TOO_LARGE).default(""),
  html: z.string().max(MAX_IMPORT_HTML * 2, TOO_LARGE).default(""),
});

/** The preview's fields, as the person corrected them, to become a draft. */
export const importDraftSchema = z.object({
  headline: z.string().trim().min(1, "Enter a headline.").max(300, "Keep the headline under 300 characters."),
  standfirst: z.string().trim().max(600, "Keep the standfirst under 600 characters."),
  body: z
    .string()
    .max(MAX_IMPORT_TEXT, `The story is too long (${MAX_IMPORT_TEXT.toLocaleString("en-US")} characters at most).`)
    .superRefine((body, ctx) => {
      const problem = bodyProblem(body);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  format: z.enum(IMPORT_FORMATS).catch("plain"),
  origin: z.enum(IMPORT_ORIGINS).catch(""),
  /** Wire copy may arrive under embargo: the draft is created with it (only who may publish may set one). */
  embargoUntil: optionalDateTime,
});

export type ImportDraft = z.infer<typeof importDraftSchema>;
