import { z } from "zod";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export const ACCEPTED_LABEL = "JPEG, PNG, WebP or AVIF";

export const ALT_MAX = 300;
export const CAPTION_MAX = 1000;
export const CREDIT_MAX = 200;
/** The one wording of the rule, shown in the library and by the publish check. */
export const ALT_REQUIRED_MESSAGE = "Add alt text before using this image in a published story";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    // Stray control characters (pasted from other tools) would end up in alt attributes and feeds.
    .transform((value) => value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ""));

export const mediaDetailsFields = {
  alt: text(ALT_MAX, "Alt text"),
  caption: text(CAPTION_MAX, "The caption"),
  credit: text(CREDIT_MAX, "The credit"),
};

/** The details form of one image. Alt text may be left empty here; using the image in a published story needs it. */
export const mediaDetailsSchema = z.object({ ...mediaDetailsFields });
export type MediaDetails = z.infer<typeof mediaDetailsSchema>;

export const mediaIdSchema = z.string().trim().min(1, "Choose an image.").max(64);

export const updateMediaSchema = mediaDetailsSchema.extend({ id: mediaIdSchema });
export const deleteMediaSchema = z.object({ id: mediaIdSchema });

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file of this size cannot be uploaded, or null. Checked before the file is read. */
export function uploadSizeProblem(size: number): string | null {
  // A form sent with no file chosen carries an empty one, so the two cases read the same on the server.
  if (size <= 0) return "Choose an image to upload: no file was chosen, or the file is empty.";
  if (size > MAX_UPLOAD_BYTES) return `That file is ${megabytes(size)}; the limit is ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB. Resize or compress it first.`;
  return null;
}

/**
 * The upload form: a file and optional alt text. The size is checked here from the declared size; the bytes
 * themselves are checked by lib/media/process.ts.
 */
export const uploadMediaSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose an image to upload." })
    .superRefine((file, ctx) => {
      const problem = uploadSizeProblem(file.size);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  alt: mediaDetailsFields.alt.optional().default(""),
});

/** The library's search box: trimmed, bounded; empty means "everything". */
export const mediaQuerySchema = z.string().trim().max(100).catch("");
