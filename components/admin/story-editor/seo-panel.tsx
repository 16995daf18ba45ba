"use client";
import { inputClass } from "@/components/ui/field";
import { FieldError } from "./field-error";
import type { EditorFields } from "./fields";

/** The title and description search engines and shares show; blank means the headline and standfirst. */
export function SeoPanel({ fields, errors, readOnly, update }: { fields: EditorFields; errors: Record<string, string[]>; readOnly: boolean; update: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void }) {
  return (
    <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
      <h2 className="font-bold">Search and sharing</h2>
      <div className="space-y-1">
        <label htmlFor="seoTitle" className="block text-sm font-semibold">
          SEO title
        </label>
        <input id="seoTitle" value={fields.seoTitle} readOnly={readOnly} onChange={(e) => update("seoTitle", e.target.value)} className={inputClass} placeholder={fields.headline} aria-invalid={!!errors.seoTitle || undefined} />
        <FieldError name="seoTitle" errors={errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor="seoDescription" className="block text-sm font-semibold">
          SEO description
        </label>
        <textarea id="seoDescription" rows={3} value={fields.seoDescription} readOnly={readOnly} onChange={(e) => update("seoDescription", e.target.value)} className={inputClass} placeholder={fields.standfirst} aria-invalid={!!errors.seoDescription || undefined} />
        <FieldError name="seoDescription" errors={errors} />
      </div>
    </section>
  );
}
