"use client";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { EmbargoField } from "./embargo";
import { FieldError } from "./field-error";
import { DATELINE_MAX, WORK_TYPE_LABELS, WORK_TYPES, type WorkTypeName } from "@/lib/validation/stories";
import { parseTags, type EditorFields } from "./fields";

interface Props {
  fields: EditorFields;
  errors: Record<string, string[]>;
  readOnly: boolean;
  tags: string[];
  update: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
  /** The embargo field: on the site's clock, changeable by those who may publish. */
  embargo: { timeZone: string; canSet: boolean };
}

/**
 * Where the story is filed: its embargo, tags, slug, type of work and dateline (section and bylines sit in the publishing panel,
 * always in reach; it is sticky on a tablet, so it stays short).
 */
export function FilingPanel({ fields, errors, readOnly, tags, update, embargo }: Props) {
  const [tagsText, setTagsText] = useState(fields.tags.join(", "));
  // Tags merged in from a colleague's save replace the text, unless the text already says the same.
  const [shownTags, setShownTags] = useState(fields.tags);
  if (shownTags !== fields.tags) {
    setShownTags(fields.tags);
    if (parseTags(tagsText).join("\n") !== fields.tags.join("\n")) setTagsText(fields.tags.join(", "));
  }
  return (
    <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
      <h2 className="font-bold">Filing</h2>
      <EmbargoField value={fields.embargoUntil} errors={errors} timeZone={embargo.timeZone} disabled={readOnly || !embargo.canSet} onChange={(iso) => update("embargoUntil", iso)} />
      <div className="space-y-1">
        <label htmlFor="tags" className="block text-sm font-semibold">
          Tags
        </label>
        <input
          id="tags"
          list="tag-suggestions"
          value={tagsText}
          readOnly={readOnly}
          onChange={(e) => {
            setTagsText(e.target.value);
            const parsed = parseTags(e.target.value);
            if (parsed.join("\n") !== fields.tags.join("\n")) update("tags", parsed);
          }}
          className={inputClass}
          aria-describedby="tags-hint"
        />
        <datalist id="tag-suggestions">
          {tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <p id="tags-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
          Separate with commas. New tags are created when you save.
        </p>
        <FieldError name="tags" errors={errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor="slug" className="block text-sm font-semibold">
          Slug
        </label>
        <input id="slug" value={fields.slug} readOnly={readOnly} onChange={(e) => update("slug", e.target.value)} className={inputClass} aria-describedby="slug-hint" aria-invalid={!!errors.slug || undefined} />
        <p id="slug-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
          The story’s address. Changing it on a published story keeps the old address working as a redirect.
        </p>
        <FieldError name="slug" errors={errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor="workType" className="block text-sm font-semibold">
          Type of work
        </label>
        <select id="workType" value={fields.workType} disabled={readOnly} onChange={(e) => update("workType", e.target.value as WorkTypeName)} className={inputClass} aria-describedby="workType-hint">
          {WORK_TYPES.map((type) => (
            <option key={type} value={type}>
              {WORK_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <p id="workType-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
          Labelled on the story for readers; opinion and sponsored pieces are marked as such.
        </p>
        <FieldError name="workType" errors={errors} />
      </div>
      <div className="space-y-1">
        <label htmlFor="dateline" className="block text-sm font-semibold">
          Dateline
        </label>
        <input
          id="dateline"
          value={fields.dateline}
          readOnly={readOnly}
          maxLength={DATELINE_MAX}
          onChange={(e) => update("dateline", e.target.value)}
          className={inputClass}
          aria-describedby="dateline-hint"
          aria-invalid={!!errors.dateline || undefined}
        />
        <p id="dateline-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
          Where the story was reported from, e.g. WASHINGTON. Optional.
        </p>
        <FieldError name="dateline" errors={errors} />
      </div>
    </section>
  );
}

/** Section and bylines: part of the publishing panel so they stay in reach on a tablet. */
export function SectionBylineFields({
  fields,
  errors,
  readOnly,
  sections,
  bylines,
  update,
}: {
  fields: EditorFields;
  errors: Record<string, string[]>;
  readOnly: boolean;
  sections: { id: string; name: string }[];
  bylines: { id: string; name: string }[];
  update: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
}) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor="sectionId" className="block text-sm font-semibold">
          Section
        </label>
        <select id="sectionId" value={fields.sectionId} disabled={readOnly} onChange={(e) => update("sectionId", e.target.value)} className={inputClass}>
          <option value="">No section</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <FieldError name="sectionId" errors={errors} />
      </div>
      <BylinePicker value={fields.bylineIds} options={bylines} disabled={readOnly} onChange={(ids) => update("bylineIds", ids)} />
      <FieldError name="bylineIds" errors={errors} />
    </>
  );
}

function BylinePicker({ value, options, disabled, onChange }: { value: string[]; options: { id: string; name: string }[]; disabled: boolean; onChange: (ids: string[]) => void }) {
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? "Unknown byline";
  const moveBy = (index: number, delta: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-semibold">Bylines</legend>
      <ol className="space-y-1">
        {value.map((id, index) => (
          <li key={id} className="flex items-center gap-1 text-sm">
            <span className="flex-1">{nameOf(id)}</span>
            {!disabled && (
              <>
                <button type="button" aria-label={`Move ${nameOf(id)} up`} disabled={index === 0} onClick={() => moveBy(index, -1)} className="rounded px-1 hover:bg-neutral-100 disabled:opacity-30 dark:hover:bg-neutral-800">
                  ↑
                </button>
                <button type="button" aria-label={`Move ${nameOf(id)} down`} disabled={index === value.length - 1} onClick={() => moveBy(index, 1)} className="rounded px-1 hover:bg-neutral-100 disabled:opacity-30 dark:hover:bg-neutral-800">
                  ↓
                </button>
                <button type="button" aria-label={`Remove ${nameOf(id)}`} onClick={() => onChange(value.filter((v) => v !== id))} className="rounded px-1 hover:bg-neutral-100 dark:hover:bg-neutral-800">
                  ✕
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <select aria-label="Add a byline" value="" onChange={(e) => e.target.value && onChange([...value, e.target.value])} className={inputClass}>
          <option value="">Add a byline…</option>
          {options
            .filter((o) => !value.includes(o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      )}
    </fieldset>
  );
}
