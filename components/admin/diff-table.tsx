import type { DiffRow, Segment } from "@/lib/content/revision-diff";

const ROW_STYLE: Record<DiffRow["kind"], string> = {
  same: "",
  changed: "bg-amber-50 dark:bg-amber-950",
  added: "bg-green-50 dark:bg-green-950",
  removed: "bg-red-50 dark:bg-red-950",
};

const COARSE_TITLE = "Too large to compare word by word";

function Side({ segments, marker, coarse }: { segments: Segment[] | null; marker: "del" | "ins"; coarse?: boolean }) {
  if (!segments) return <td className="w-1/2 border-l border-neutral-300 px-2 py-1 align-top dark:border-neutral-700" />;
  const Mark = marker;
  return (
    <td className="w-1/2 whitespace-pre-wrap break-words border-l border-neutral-300 px-2 py-1 align-top font-mono text-xs dark:border-neutral-700">
      {coarse && <span className="mb-1 block font-sans text-[11px] font-semibold text-amber-900 dark:text-amber-200">Shown whole: {COARSE_TITLE.toLowerCase()}</span>}
      {segments.map((segment, index) =>
        segment.changed ? (
          <Mark key={index} className={marker === "del" ? "bg-red-200 line-through decoration-red-900 dark:bg-red-800" : "bg-green-200 no-underline dark:bg-green-800"}>
            {segment.text}
          </Mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </td>
  );
}

/** A side-by-side diff: removed words struck through on the left, added words marked on the right. */
export function DiffTable({ rows, leftLabel, rightLabel }: { rows: DiffRow[]; leftLabel: string; rightLabel: string }) {
  const coarse = rows.filter((row) => row.coarse).length;
  return (
    <div className="overflow-x-auto rounded border border-neutral-300 bg-white text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100">
      {coarse > 0 && (
        <p role="note" data-testid="diff-coarse-note" className="border-b border-neutral-300 bg-amber-100 px-2 py-1 text-sm dark:border-neutral-700 dark:bg-amber-900">
          {coarse === 1 ? "One changed passage is" : `${coarse} changed passages are`} too large to compare word by word, so
          {coarse === 1 ? " it is" : " they are"} shown whole (marked “Shown whole”).
        </p>
      )}
      <table className="w-full table-fixed border-collapse">
        <thead>
          <tr className="text-left text-sm">
            <th scope="col" className="w-1/2 px-2 py-1">
              {leftLabel}
            </th>
            <th scope="col" className="w-1/2 border-l border-neutral-300 px-2 py-1 dark:border-neutral-700">
              {rightLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-kind={row.kind} data-coarse={row.coarse ? "" : undefined} className={ROW_STYLE[row.kind]} title={row.coarse ? COARSE_TITLE : undefined}>
              <Side segments={row.left} marker="del" />
              <Side segments={row.right} marker="ins" coarse={row.coarse} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
