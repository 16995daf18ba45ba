// Side-by-side comparison of two revisions: the body line by line (with the changed words marked inside a changed
// pair of lines), and every other field as before/after.
//
// Diffing is quadratic in the worst case (two unrelated 46 KB paragraphs took 37 s on the event loop), so the work
// is bounded: lines first (after trimming the common start and end), words only inside a changed pair of lines, and
// each step under an edit-length cap and a shared time budget. Whatever does not fit is shown whole and flagged
// `coarse`, which the view explains as "too large to compare word by word".
import { diffArrays, diffWordsWithSpace, type ChangeObject } from "diff";

export interface Segment {
  text: string;
  changed: boolean;
}

/** One row of the side-by-side view; a side is null where the other side added or removed a line. */
export interface DiffRow {
  kind: "same" | "changed" | "added" | "removed";
  left: Segment[] | null;
  right: Segment[] | null;
  /** A changed pair shown whole: too large (or too different) to compare word by word within the budget. */
  coarse?: boolean;
}

export interface DiffLimits {
  /** Wall-clock budget for the whole comparison, in ms; past it, lines are paired without a word diff. */
  budgetMs: number;
  /** The most line insertions + deletions the line diff looks for before giving up on aligning lines. */
  maxLineEdits: number;
  /** A changed pair of lines longer than this (characters, both sides together) is not diffed word by word. */
  maxPairChars: number;
  /** The most word insertions + deletions looked for inside one changed pair. */
  maxWordEdits: number;
  /** The most characters word-diffed over the whole comparison. */
  maxTotalWordChars: number;
}

export const DIFF_LIMITS: DiffLimits = {
  budgetMs: 30,
  maxLineEdits: 4_000,
  maxPairChars: 8_000,
  maxWordEdits: 400,
  maxTotalWordChars: 100_000,
};

function splitLines(value: string): string[] {
  const lines = value.replace(/\n$/, "").split("\n");
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

const whole = (text: string, changed: boolean): Segment[] => [{ text, changed }];
const sameRow = (line: string): DiffRow => ({ kind: "same", left: whole(line, false), right: whole(line, false) });

interface Budget {
  deadline: number;
  wordChars: number;
}

function remainingMs(budget: Budget): number {
  return Math.floor(budget.deadline - performance.now());
}

function changedPair(before: string, after: string, budget: Budget, limits: DiffLimits): DiffRow {
  const size = before.length + after.length;
  const timeout = remainingMs(budget);
  const parts: ChangeObject<string>[] | undefined =
    size <= limits.maxPairChars && budget.wordChars + size <= limits.maxTotalWordChars && timeout > 0
      ? diffWordsWithSpace(before, after, { timeout, maxEditLength: limits.maxWordEdits })
      : undefined;
  budget.wordChars += size;
  if (!parts) return { kind: "changed", left: whole(before, true), right: whole(after, true), coarse: true };
  return {
    kind: "changed",
    left: parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: !!p.removed })),
    right: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: !!p.added })),
  };
}

/** Removed lines followed by added ones pair up as changed rows; the rest stand opposite an empty side. */
function hunkRows(removed: string[], added: string[], budget: Budget, limits: DiffLimits, rows: DiffRow[]) {
  const paired = Math.max(removed.length, added.length);
  for (let j = 0; j < paired; j++) {
    const l = removed[j];
    const r = added[j];
    if (l !== undefined && r !== undefined) rows.push(changedPair(l, r, budget, limits));
    else if (l !== undefined) rows.push({ kind: "removed", left: whole(l, true), right: null });
    else rows.push({ kind: "added", left: null, right: whole(r!, true) });
  }
}

/** Rows for a side-by-side view of two texts. Removed lines followed by added ones pair up as changed rows. */
export function sideBySide(before: string, after: string, limits: DiffLimits = DIFF_LIMITS): DiffRow[] {
  const budget: Budget = { deadline: performance.now() + limits.budgetMs, wordChars: 0 };
  const left = splitLines(before);
  const right = splitLines(after);
  // The common start and end cost one linear pass and usually leave only a few lines to align.
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let end = 0;
  while (end < left.length - start && end < right.length - start && left[left.length - 1 - end] === right[right.length - 1 - end]) end++;
  const oldMiddle = left.slice(start, left.length - end);
  const newMiddle = right.slice(start, right.length - end);

  const rows: DiffRow[] = left.slice(0, start).map(sameRow);
  const parts =
    oldMiddle.length > 0 && newMiddle.length > 0
      ? diffArrays(oldMiddle, newMiddle, { timeout: Math.max(1, Math.floor(limits.budgetMs / 2)), maxEditLength: limits.maxLineEdits })
      : [
          ...(oldMiddle.length ? [{ value: oldMiddle, removed: true, added: false, count: oldMiddle.length }] : []),
          ...(newMiddle.length ? [{ value: newMiddle, removed: false, added: true, count: newMiddle.length }] : []),
        ];
  if (!parts) {
    // Too many line edits to align within the cap: everything between the common start and end, paired in order.
    hunkRows(oldMiddle, newMiddle, budget, limits, rows);
  } else {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (!part.added && !part.removed) {
        for (const line of part.value) rows.push(sameRow(line));
      } else if (part.removed && parts[i + 1]?.added) {
        hunkRows(part.value, parts[i + 1]!.value, budget, limits, rows);
        i++;
      } else if (part.removed) {
        hunkRows(part.value, [], budget, limits, rows);
      } else {
        hunkRows([], part.value, budget, limits, rows);
      }
    }
  }
  for (const line of left.slice(left.length - end)) rows.push(sameRow(line));
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
