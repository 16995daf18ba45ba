"use client";
import Link from "@/components/admin/newsroom-link";
import { useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { saveImageDefaultsAction } from "@/lib/actions/media/save-image-defaults";
import { ImageDetailsDialog, type ImageDetails } from "../image-details-dialog";
import { MediaUploadButton } from "../media-upload-button";
import { replaceLibraryImage, useMediaLibrary, type LibraryImage } from "../use-media-library";
import { FieldError } from "./field-error";

interface ImageChoice {
  id: string;
  url: string;
  alt: string;
  name: string;
}

interface Props {
  value: string;
  images: ImageChoice[];
  errors: Record<string, string[]>;
  readOnly: boolean;
  onChange: (id: string) => void;
}

/**
 * The hero image. Its list is the page's shared media library (components/admin/use-media-library.ts), read again
 * whenever the list is opened, so images uploaded meanwhile (in the body's picker, here or elsewhere) are there.
 * "Upload hero image" uploads through the same path as the body's picker, makes the new image the hero and asks for
 * its alt text, caption and credit at once; a hero has no per-story details, so they are the library image's own.
 */
export function HeroPanel({ value, images: initial, errors, readOnly, onChange }: Props) {
  const library = useMediaLibrary();
  // The shared list starts empty until a picker reads the library; the page's list fills in behind it, so an upload
  // made before that does not hide the images the page was rendered with.
  const images: ImageChoice[] = useMemo(() => {
    const known = new Set(library.images.map((i) => i.id));
    return [...library.images, ...initial.filter((i) => !known.has(i.id))];
  }, [library.images, initial]);
  const [loading, setLoading] = useState(false);
  const [describing, setDescribing] = useState<LibraryImage | null>(null);
  async function refresh() {
    if (loading) return;
    setLoading(true);
    await library.refresh();
    setLoading(false);
  }

  async function saveDetails(image: LibraryImage, details: ImageDetails): Promise<string | null> {
    const result = await saveImageDefaultsAction({ url: image.url, ...details });
    if (result?.ok && result.data) {
      replaceLibraryImage(result.data);
      return null;
    }
    const why = result && !result.ok ? (result.fieldErrors?.alt?.[0] ?? result.message) : undefined;
    return `The image is the hero, but its details were not saved: ${why ?? "try again."}`;
  }

  const chosen = images.find((i) => i.id === value);
  // Only a library entry carries the caption and credit that saving the details must keep.
  const chosenInLibrary = library.images.find((i) => i.id === value);
  return (
    <section aria-labelledby="hero-image-title" className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
      <h2 id="hero-image-title" className="font-bold">
        Hero image
      </h2>
      <select
        aria-label="Hero image"
        value={value}
        disabled={readOnly}
        onFocus={() => void refresh()}
        onPointerDown={() => void refresh()}
        onChange={(e) => onChange(e.target.value)}
        aria-busy={loading || undefined}
        className={inputClass}
      >
        <option value="">No hero image</option>
        {images.map((image) => (
          <option key={image.id} value={image.id}>
            {image.alt ? image.alt.slice(0, 60) : `${image.name} (needs alt text)`}
          </option>
        ))}
        {value && !chosen && <option value={value}>The current image</option>}
      </select>
      {!readOnly && (
        <MediaUploadButton
          label="Upload hero image"
          onUploaded={(image) => {
            // The hero is set (and the story marked unsaved) at once; the details follow.
            onChange(image.id);
            setDescribing(image);
          }}
        />
      )}
      {chosen && (
        // eslint-disable-next-line @next/next/no-img-element -- a preview from our own media route
        <img src={chosen.url} alt="" className="w-full rounded" />
      )}
      {chosen && !chosen.alt && (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-300">
          This image needs alt text before the story can be published.{" "}
          {!readOnly && chosenInLibrary && (
            <button type="button" onClick={() => setDescribing(chosenInLibrary)} className="font-semibold underline">
              Add alt text
            </button>
          )}
        </p>
      )}
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Alt text, caption and credit are edited in the{" "}
        <Link href="/admin/media" prefetch={false} className="underline">
          media library
        </Link>
        .
      </p>
      <FieldError name="heroMediaId" errors={errors} />
      {describing && (
        <ImageDetailsDialog
          key={describing.id}
          title="Describe the hero image"
          src={describing.url}
          initial={{ alt: describing.alt, caption: describing.caption, credit: describing.credit }}
          saveToLibraryDefault
          libraryOnly
          onSave={(details) => saveDetails(describing, details)}
          onClose={() => setDescribing(null)}
        />
      )}
    </section>
  );
}
