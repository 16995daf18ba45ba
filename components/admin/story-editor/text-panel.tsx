"use client";
import { inputClass } from "@/components/ui/field";
import type { RefObject } from "react";
import { RichTextEditor, type PickableImage, type RichTextHandle } from "../rich-text-editor";
import { FieldError } from "./field-error";
import type { EditorFields } from "./fields";

interface Props {
  fields: EditorFields;
  errors: Record<string, string[]>;
  readOnly: boolean;
  images: PickableImage[];
  update: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
  bodyHandle?: RefObject<RichTextHandle | null>;
}

/** Headline, standfirst and the story itself. */
export function TextPanel({ fields, errors, readOnly, images, update, bodyHandle }: Props) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor="headline" className="block text-sm font-semibold">
          Headline
        </label>
        <textarea
          id="headline"
          rows={2}
          value={fields.headline}
          readOnly={readOnly}
          onChange={(e) => update("headline", e.target.value.replace(/\n/g, " "))}
          className={`${inputClass} resize-none font-serif text-3xl font-bold leading-tight md:text-4xl`}
          aria-invalid={!!errors.headline || undefined}
          aria-describedby={errors.headline ? "headline-error" : undefined}
        />
        <FieldError name="headline" errors={errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor="standfirst" className="block text-sm font-semibold">
          Standfirst
        </label>
        <textarea
          id="standfirst"
          rows={3}
          value={fields.standfirst}
          readOnly={readOnly}
          onChange={(e) => update("standfirst", e.target.value)}
          className={`${inputClass} text-lg`}
          aria-invalid={!!errors.standfirst || undefined}
          aria-describedby={errors.standfirst ? "standfirst-error" : undefined}
        />
        <FieldError name="standfirst" errors={errors} />
      </div>
      <div className="space-y-1">
        <span className="block text-sm font-semibold" id="body-label">
          Story
        </span>
        <RichTextEditor value={fields.body} onChange={(markdown) => update("body", markdown)} readOnly={readOnly} images={images} handle={bodyHandle} />
        <FieldError name="body" errors={errors} />
      </div>
    </>
  );
}
