"use client";
import { useId, useRef, useState } from "react";
import { ACCEPTED_MIME_TYPES } from "@/lib/validation/media";
import { uploadImageFile } from "./upload-image-file";
import type { LibraryImage } from "./use-media-library";

/**
 * "Upload" inside a picker: chooses an image file, sends it through the library's upload path, shows progress and
 * a clear refusal, and hands the new image to `onUploaded` (it also joins every picker's list on the page).
 */
export function MediaUploadButton({ onUploaded, label = "Upload", disabled = false }: { onUploaded: (image: LibraryImage) => void; label?: string; disabled?: boolean }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function send(file: File | undefined) {
    if (!file) return;
    setError(null);
    setBusy(file.name);
    const outcome = await uploadImageFile(file);
    setBusy(null);
    if (inputRef.current) inputRef.current.value = "";
    if (outcome.ok) onUploaded(outcome.image);
    else setError(outcome.error);
  }

  return (
    <div className="space-y-1">
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={ACCEPTED_MIME_TYPES.join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => void send(event.target.files?.[0])}
      />
      <button
        type="button"
        disabled={disabled || busy !== null}
        onClick={() => inputRef.current?.click()}
        className="min-h-9 rounded border border-neutral-400 px-3 text-sm font-semibold hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-600 dark:hover:bg-neutral-800"
      >
        {busy ? "Uploading…" : label}
      </button>
      {busy && (
        <p role="status" className="flex items-center gap-2 text-sm">
          <progress aria-label={`Uploading ${busy}`} className="h-2 w-24" /> Uploading {busy}…
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
