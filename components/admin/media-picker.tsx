"use client";
import { useId, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { MediaView } from "@/lib/dal/media";
import { MediaUploadButton } from "./media-upload-button";

type PickerItem = Pick<MediaView, "id" | "thumbnailUrl" | "alt" | "originalName" | "width" | "height">;

/**
 * Chooses one image from the library (or none) for a form: the chosen id is written to a hidden input named
 * `name`. Works on its own inside a server-rendered form, or controlled (`value`/`onChange`) inside a client one.
 * With `upload`, an "Upload" button adds a new image to the library and chooses it at once.
 */
export function MediaPicker({
  name,
  items,
  defaultValue = "",
  value,
  onChange,
  label = "Image",
  errors,
  disabled = false,
  upload = false,
}: {
  name: string;
  items: PickerItem[];
  defaultValue?: string | null;
  value?: string;
  onChange?: (id: string) => void;
  label?: string;
  errors?: string[];
  disabled?: boolean;
  upload?: boolean;
}) {
  const [uploaded, setUploaded] = useState<PickerItem[]>([]);
  const [own, setOwn] = useState(defaultValue ?? "");
  const [filter, setFilter] = useState("");
  const selected = value ?? own;
  const baseId = useId();
  const choose = (id: string) => {
    setOwn(id);
    onChange?.(id);
  };
  const all = useMemo(() => [...uploaded, ...items.filter((m) => !uploaded.some((u) => u.id === m.id))], [uploaded, items]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    // The chosen image stays visible whatever the filter, so the selection is never hidden.
    return q ? all.filter((m) => m.id === selected || m.originalName.toLowerCase().includes(q) || m.alt.toLowerCase().includes(q)) : all;
  }, [filter, all, selected]);
  const errorId = `${baseId}-error`;
  const radioName = `${baseId}-choice`;

  return (
    <fieldset className="space-y-3" aria-describedby={errors?.length ? errorId : undefined} disabled={disabled}>
      <legend className="text-sm font-semibold">{label}</legend>
      <input type="hidden" name={name} value={selected} />
      {upload && (
        <MediaUploadButton
          disabled={disabled}
          onUploaded={(image) => {
            setUploaded((list) => [{ id: image.id, thumbnailUrl: image.thumbnailUrl, alt: image.alt, originalName: image.name, width: image.width, height: image.height }, ...list]);
            choose(image.id);
          }}
        />
      )}
      {all.length > 6 && (
        <div className="space-y-1">
          <label htmlFor={`${baseId}-filter`} className="block text-sm">
            Filter images
          </label>
          <input id={`${baseId}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className={inputClass} />
        </div>
      )}
      <ul className="grid max-h-96 grid-cols-2 gap-2 overflow-y-auto p-1 sm:grid-cols-3">
        <li>
          <label className="flex h-full cursor-pointer flex-col items-center justify-center gap-1 rounded border border-neutral-300 p-2 text-sm has-[:checked]:border-neutral-900 has-[:checked]:ring-2 has-[:checked]:ring-neutral-900 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 dark:border-neutral-700 dark:has-[:checked]:border-neutral-100 dark:has-[:checked]:ring-neutral-100">
            <input type="radio" name={radioName} value="" checked={selected === ""} onChange={() => choose("")} className="sr-only" />
            <span>No image</span>
          </label>
        </li>
        {shown.map((media) => (
          <li key={media.id}>
            <label className="flex h-full cursor-pointer flex-col gap-1 rounded border border-neutral-300 p-2 text-xs has-[:checked]:border-neutral-900 has-[:checked]:ring-2 has-[:checked]:ring-neutral-900 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 dark:border-neutral-700 dark:has-[:checked]:border-neutral-100 dark:has-[:checked]:ring-neutral-100">
              <input type="radio" name={radioName} value={media.id} checked={selected === media.id} onChange={() => choose(media.id)} className="sr-only" />
              {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail the upload pipeline already sized */}
              <img src={media.thumbnailUrl} alt="" width={media.width} height={media.height} loading="lazy" className="aspect-[4/3] w-full bg-neutral-100 object-contain dark:bg-neutral-800" />
              <span className="truncate font-semibold">{media.originalName}</span>
              {media.alt ? <span className="line-clamp-2">{media.alt}</span> : <span className="font-semibold text-amber-800 dark:text-amber-300">No alt text yet</span>}
            </label>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="text-sm">No images match “{filter}”.</p>}
      {errors?.map((error) => (
        <p key={error} id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
    </fieldset>
  );
}
