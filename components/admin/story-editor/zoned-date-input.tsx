"use client";
import { useState } from "react";
import { fromZonedInput, toZonedInput } from "@/lib/content/dates";
import { inputClass } from "@/components/ui/field";

/** The zone's short name now ("EST"), for labels. */
export function zoneName(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/**
 * A datetime-local input read as wall time on the site's clock, whatever the browser's zone. Gives an ISO instant,
 * or "" while empty or incomplete.
 */
export function ZonedDateInput({
  id,
  label,
  value,
  timeZone,
  disabled,
  invalid,
  step,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  timeZone: string;
  disabled?: boolean;
  invalid?: boolean;
  /** 1 to accept seconds (a schedule), as the browser's picker then offers them. */
  step?: number;
  onChange: (iso: string) => void;
}) {
  const [text, setText] = useState(() => (value ? toZonedInput(new Date(value), timeZone) : ""));
  // A value set from outside (a merge, a step's answer) replaces what is in the box.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    const current = fromZonedInput(text, timeZone)?.toISOString() ?? "";
    if (current !== value) setText(value ? toZonedInput(new Date(value), timeZone) : "");
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label} <span className="font-normal text-neutral-600 dark:text-neutral-400">({zoneName(timeZone)}, the site’s time)</span>
      </label>
      <input
        id={id}
        type="datetime-local"
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const iso = fromZonedInput(e.target.value, timeZone)?.toISOString() ?? "";
          setShown(iso);
          onChange(iso);
        }}
        className={inputClass}
      />
    </div>
  );
}
