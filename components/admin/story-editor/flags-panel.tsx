"use client";
import { FieldError } from "./field-error";
import type { EditorFields } from "./fields";
import { ZonedDateInput } from "./zoned-date-input";

interface Props {
  fields: EditorFields;
  errors: Record<string, string[]>;
  readOnly: boolean;
  can: { setBreaking: boolean; setLead: boolean };
  timeZone: string;
  update: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
}

/** Breaking news (with when it stops) and the lead-story pin. */
export function FlagsPanel({ fields, errors, readOnly, can, timeZone, update }: Props) {
  return (
    <section className="space-y-3 rounded border border-neutral-300 p-3 dark:border-neutral-700">
      <h2 className="font-bold">Flags</h2>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={fields.breaking} disabled={readOnly || !can.setBreaking} onChange={(e) => update("breaking", e.target.checked)} />
        Breaking news
      </label>
      {fields.breaking && (
        <>
          <ZonedDateInput id="breakingUntil" label="Breaking until" value={fields.breakingUntil} timeZone={timeZone} disabled={readOnly || !can.setBreaking} invalid={!!errors.breakingUntil} onChange={(iso) => update("breakingUntil", iso)} />
          <FieldError name="breakingUntil" errors={errors} />
        </>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={fields.featured} disabled={readOnly || !can.setLead} onChange={(e) => update("featured", e.target.checked)} />
        Pin as the lead story
      </label>
    </section>
  );
}
