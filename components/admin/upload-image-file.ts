"use client";
import { uploadEditorImageAction } from "@/lib/actions/media/upload-editor-image";
import { ACCEPTED_LABEL, ACCEPTED_MIME_TYPES, uploadSizeProblem } from "@/lib/validation/media";
import { addLibraryImage, type LibraryImage } from "./use-media-library";

export type UploadOutcome = { ok: true; image: LibraryImage } | { ok: false; error: string };

/** Why this file cannot be uploaded, judged before sending it (the server checks its bytes again), or null. */
export function localUploadProblem(file: File): string | null {
  if (file.type && !(ACCEPTED_MIME_TYPES as readonly string[]).includes(file.type)) {
    return `“${file.name}” is not an image we can use. Upload a ${ACCEPTED_LABEL} image.`;
  }
  const size = uploadSizeProblem(file.size);
  return size ? `“${file.name}”: ${size}` : null;
}

/** Sends one file through the media library's upload path; the new image joins the shared list at once. */
export async function uploadImageFile(file: File): Promise<UploadOutcome> {
  const problem = localUploadProblem(file);
  if (problem) return { ok: false, error: problem };
  const form = new FormData();
  form.set("file", file);
  try {
    const result = await uploadEditorImageAction(form);
    if (result?.ok && result.data) {
      addLibraryImage(result.data);
      return { ok: true, image: result.data };
    }
    const detail = result && !result.ok ? (result.fieldErrors?.file?.[0] ?? result.message) : undefined;
    return { ok: false, error: `“${file.name}” was not uploaded. ${detail ?? "Try again."}` };
  } catch {
    return { ok: false, error: `“${file.name}” was not uploaded: the connection failed. Try again.` };
  }
}
