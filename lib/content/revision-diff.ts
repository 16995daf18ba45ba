// Side-by-side comparison of two revisions: the body line by line (with the changed words marked inside a changed
// pair of lines), and every other field as before/after.
import { diffLines, diffWordsWithSpace, type ChangeObject } from "diff";

export interface Segment {
  text: string;
  changed: boolean;
}

/** One row of the side-by-side view; a side is null where the other side added or removed a line. */
export interface DiffRow {
  kind: "same" | "changed" | "added" | "removed";
  left: Segment[] | null;
  right: Segment[] | null;
}

function splitLines(value: string): string[] {
  const lines = value.replace(/\n$/, "").split("\n");
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

function wordSegments(before: string, after: string): { left: Segment[]; right: Segment[] } {
  const parts: ChangeObject<string>[] = diffWordsWithSpace(before, after);
  return {
    left: parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: !!p.removed })),
    right: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: !!p.added })),
  };
}

/** Rows for a side-by-side view of two texts. Removed lines followed by added ones pair up as changed rows. */
export function sideBySide(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffLines(before.endsWith("\n") ? before : `${before}\n`, after.endsWith("\n") ? after : `${after}\n`);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const line of splitLines(part.value)) rows.push({ kind: "same", left: [{ text: line, changed: false }], right: [{ text: line, changed: false }] });
      continue;
    }
    if (part.removed && parts[i + 1]?.added) {
      const removed = splitLines(part.value);
      const added = splitLines(parts[i + 1]!.value);
      const paired = Math.max(removed.length, added.length);
      for (let j = 0; j < paired; j++) {
        const l = removed[j];
        const r = added[j];
        if (l !== undefined && r !== undefined) rows.push({ kind: "changed", ...wordSegments(l, r) });
        else if (l !== undefined) rows.push({ kind: "removed", left: [{ text: l, changed: true }], right: null });
        else rows.push({ kind: "added", left: null, right: [{ text: r!, changed: true }] });
      }
      i++;
      continue;
    }
    for (const line of splitLines(part.value)) {
      rows.push(part.added ? { kind: "added", left: null, right: [{ text: line, changed: true }] } : { kind: "removed", left: [{ text: line, changed: true }], right: null });
    }
  }
  return rows;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The fields (other than the body) whose values differ, with readable before/after values. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, labels: Record<string, string>): FieldChange[] {
  const show = (value: unknown) => (Array.isArray(value) ? value.join(", ") : value === null || value === undefined || value === "" ? "—" : String(value));
  return Object.entries(labels)
    .filter(([key]) => show(before[key]) !== show(after[key]))
    .map(([key, field]) => ({ field, before: show(before[key]), after: show(after[key]) }));
}
