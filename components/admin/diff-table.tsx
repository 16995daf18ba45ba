import type { DiffRow, Segment } from "@/lib/content/revision-diff";

const ROW_STYLE: Record<DiffRow["kind"], string> = {
  same: "",
  changed: "bg-amber-50 dark:bg-amber-950",
  added: "bg-green-50 dark:bg-green-950",
  removed: "bg-red-50 dark:bg-red-950",
};

function Side({ segments, marker }: { segments: Segment[] | null; marker: "del" | "ins" }) {
  if (!segments) return <td className="w-1/2 border-l border-neutral-300 px-2 py-1 align-top dark:border-neutral-700" />;
  const Mark = marker;
  return (
    <td className="w-1/2 whitespace-pre-wrap break-words border-l border-neutral-300 px-2 py-1 align-top font-mono text-xs dark:border-neutral-700">
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
  return (
    <div className="overflow-x-auto rounded border border-neutral-300 bg-white text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100">
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
            <tr key={index} data-kind={row.kind} className={ROW_STYLE[row.kind]}>
              <Side segments={row.left} marker="del" />
              <Side segments={row.right} marker="ins" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
