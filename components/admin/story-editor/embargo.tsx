"use client";
import { useSyncExternalStore } from "react";
import { FieldError } from "./field-error";
import { ZonedDateInput } from "./zoned-date-input";
import { ZonedTime } from "./zoned-time";

const TICK_MS = 30_000;
const subscribe = (onChange: () => void) => {
  const timer = setInterval(onChange, TICK_MS);
  return () => clearInterval(timer);
};
/** The clock to the half minute (stable between renders, as useSyncExternalStore needs); null on the server. */
const useNow = () => useSyncExternalStore(subscribe, () => Math.floor(Date.now() / TICK_MS) * TICK_MS, () => null);

/** Whether an embargo (ISO text from the editor's fields) still holds at `now` (unknown now: assume it does). */
export function embargoActive(iso: string, now: number | null): boolean {
  const time = iso ? new Date(iso).getTime() : Number.NaN;
  return Number.isFinite(time) && (now === null || time > now);
}

/** The banner at the top of the editor while the story is under embargo, with the time on the site's clock. */
export function EmbargoBanner({ iso, timeZone }: { iso: string; timeZone: string }) {
  const now = useNow();
  if (!embargoActive(iso, now)) return null;
  return (
    <div role="status" data-testid="embargo-banner" className="rounded border-2 border-red-700 bg-red-50 px-3 py-2 text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50">
      <p className="font-bold tracking-wide uppercase">Embargoed</p>
      <p className="text-sm">
        Not to be published before <ZonedTime iso={iso} timeZone={timeZone} /> ({timeZone}). It can be edited and reviewed; publishing or scheduling it
        before then is refused.
      </p>
    </div>
  );
}

/** The embargo time, for those who may publish; everyone else sees it read-only. Blank means none. */
export function EmbargoField({
  value,
  errors,
  timeZone,
  disabled,
  onChange,
}: {
  value: string;
  errors: Record<string, string[]>;
  timeZone: string;
  disabled: boolean;
  onChange: (iso: string) => void;
}) {
  return (
    <div className="space-y-1">
      <ZonedDateInput id="embargoUntil" label="Embargo until" value={value} timeZone={timeZone} disabled={disabled} invalid={!!errors.embargoUntil} onChange={onChange} />
      <p id="embargoUntil-hint" className="text-xs text-neutral-600 dark:text-neutral-400">
        Nothing publishes or schedules the story before this time. Leave blank for no embargo.{disabled ? " Only editors can change it." : ""}
      </p>
      {value && !disabled && (
        <button type="button" onClick={() => onChange("")} className="text-sm font-medium underline underline-offset-4">
          Lift the embargo
        </button>
      )}
      <FieldError name="embargoUntil" errors={errors} />
    </div>
  );
}
