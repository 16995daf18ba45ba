"use client";
import Link from "next/link";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { useMediaLibrary } from "../use-media-library";
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
 * whenever the list is opened, so images uploaded meanwhile (in the body's picker or elsewhere) are there.
 */
export function HeroPanel({ value, images: initial, errors, readOnly, onChange }: Props) {
  const library = useMediaLibrary();
  const images: ImageChoice[] = library.images.length ? library.images : initial;
  const [loading, setLoading] = useState(false);
  async function refresh() {
    if (loading) return;
    setLoading(true);
    await library.refresh();
    setLoading(false);
  }
  const chosen = images.find((i) => i.id === value);
  return (
    <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
      <h2 className="font-bold">Hero image</h2>
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
      {chosen && (
        // eslint-disable-next-line @next/next/no-img-element -- a preview from our own media route
        <img src={chosen.url} alt="" className="w-full rounded" />
      )}
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Alt text, caption and credit are edited in the{" "}
        <Link href="/admin/media" prefetch={false} className="underline">
          media library
        </Link>
        .
      </p>
      <FieldError name="heroMediaId" errors={errors} />
    </section>
  );
}
