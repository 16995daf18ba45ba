"use client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { ALT_MAX, CAPTION_MAX, CREDIT_MAX } from "@/lib/validation/media";

export interface ImageDetails {
  alt: string;
  caption: string;
  credit: string;
}

interface Props {
  /** Shown as the dialog's heading, e.g. "Describe the image you uploaded". */
  title: string;
  src: string;
  initial: ImageDetails;
  /** Whether "Also save to library" starts ticked (yes for a fresh upload, whose library record is still empty). */
  saveToLibraryDefault: boolean;
  /**
   * The details are the library image's own, not one use's (the hero image has no per-story details): the box is
   * not offered and saving always writes to the library.
   */
  libraryOnly?: boolean;
  /** Resolves to an error message to show, or null when done. */
  onSave: (details: ImageDetails, saveToLibrary: boolean) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Alt text, caption and credit of one use of an image in the story. They change only this use unless "Also save to
 * library" is ticked, which makes them the image's defaults in the media library too. Alt text may be left for
 * later, but publishing needs it (lib/content/publish-checks.ts), which the dialog says.
 */
export function ImageDetailsDialog({ title, src, initial, saveToLibraryDefault, libraryOnly = false, onSave, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [values, setValues] = useState(initial);
  const [toLibrary, setToLibrary] = useState(libraryOnly || saveToLibraryDefault);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    const problem = await onSave({ alt: values.alt.trim(), caption: values.caption.trim(), credit: values.credit.trim() }, toLibrary);
    setSaving(false);
    if (problem) setError(problem);
    else onClose();
  }

  const field = (key: keyof ImageDetails, label: string, max: number, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`${id}-${key}`} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        name={key}
        value={values[key]}
        maxLength={max}
        onChange={(e) => setValues({ ...values, [key]: e.target.value })}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        className={inputClass}
      />
      {hint && (
        <p id={`${id}-${key}-hint`} className="text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-neutral-400 bg-white p-0 text-neutral-900 backdrop:bg-black/40 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <form method="dialog" onSubmit={submit} className="space-y-3 p-4" noValidate>
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {title}
        </h2>
        {/* eslint-disable-next-line @next/next/no-img-element -- a preview from our own media route */}
        <img src={src} alt="" className="max-h-40 rounded object-contain" />
        {field("alt", "Alt text", ALT_MAX, values.alt.trim() ? undefined : "What the image shows, for readers who cannot see it. Needed before the story can be published.")}
        {field("caption", "Caption", CAPTION_MAX)}
        {field("credit", "Credit", CREDIT_MAX, "Photographer or agency, e.g. “Jane Doe/Reuters”.")}
        {libraryOnly ? (
          <p className="text-xs text-neutral-600 dark:text-neutral-400">Saved to the media library: every story that uses this image as its hero shows them.</p>
        ) : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={toLibrary} onChange={(e) => setToLibrary(e.target.checked)} />
            Also save to library (the defaults for the next story that uses this image)
          </label>
        )}
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="flex gap-2">
          <button type="submit" disabled={saving} className="min-h-9 rounded bg-neutral-900 px-3 text-sm font-semibold text-white disabled:opacity-60 dark:bg-neutral-100 dark:text-neutral-900">
            {saving ? "Saving…" : "Save image details"}
          </button>
          <button type="button" onClick={onClose} className="min-h-9 rounded border border-neutral-400 px-3 text-sm font-semibold">
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
