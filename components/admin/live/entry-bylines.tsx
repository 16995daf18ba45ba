"use client";

/**
 * The composer's bylines: a labelled list of checkboxes, one per byline. Ticking adds a byline at the end, so the
 * order readers see ("By A and B") is the order chosen; the number beside a ticked byline shows its place. Left empty,
 * the entry carries the poster's own byline (lib/dal/live-entries.ts). Checkboxes rather than the story editor's
 * "Add a byline" select: the composer sits in a busy desk, and a tick is one click or one Space press.
 */
export function EntryBylines({
  idPrefix,
  value,
  options,
  error,
  onChange,
}: {
  idPrefix: string;
  value: string[];
  options: { id: string; name: string }[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  const errorId = `${idPrefix}-bylines-error`;
  return (
    <fieldset className="text-sm" aria-describedby={error ? errorId : undefined}>
      <legend className="font-semibold">Bylines</legend>
      {options.length === 0 ? (
        <p className="text-neutral-600 dark:text-neutral-400">No bylines yet: the entry goes out without one.</p>
      ) : (
        <ul className="mt-1 flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
          {options.map((option) => {
            const place = value.indexOf(option.id);
            return (
              <li key={option.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={place >= 0}
                    onChange={(e) => onChange(e.target.checked ? [...value, option.id] : value.filter((id) => id !== option.id))}
                  />
                  {option.name}
                  {place >= 0 && value.length > 1 && (
                    <>
                      <span aria-hidden="true" className="rounded bg-neutral-200 px-1 text-xs tabular-nums dark:bg-neutral-700">
                        {place + 1}
                      </span>
                      <span className="sr-only">
                        (byline {place + 1} of {value.length})
                      </span>
                    </>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
