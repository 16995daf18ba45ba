import { diff3Merge } from "node-diff3";

// A three-way merge of a story's editor fields: base is what this browser last loaded or saved, mine is on screen,
// theirs is what the server holds now. Text fields merge by line (a Markdown paragraph is one line), and lines both
// sides changed merge again by word; what still overlaps becomes a conflict for the person to choose. Other fields
// take the side that changed, and are a conflict only when both changed them differently. Pure: no React, no I/O.

export type FieldValue = string | boolean | string[];
/** Any record of field values; written as a mapped type so interfaces (which have no index signature) fit. */
export type MergeableFields<T = Record<string, FieldValue>> = { [K in keyof T]: FieldValue };

/** The fields merged as text; the rest (ids, lists, flags, slug, dates) are taken whole from one side. */
export const TEXT_FIELDS = ["headline", "standfirst", "body", "seoTitle", "seoDescription"] as const;

export interface MergeConflict {
  /** Stable within one merge result: "<field>:<n>". */
  id: string;
  field: string;
  /** "text": part of a text field (mine/theirs are strings); "value": a whole non-text field. */
  kind: "text" | "value";
  base: FieldValue;
  mine: FieldValue;
  theirs: FieldValue;
}

export type MergePart = { text: string } | { conflict: string };

export interface MergeResult<T extends MergeableFields<T>> {
  /** The merged fields when nothing overlapped; null when a choice is needed. */
  merged: T | null;
  conflicts: MergeConflict[];
  /** Every field's outcome: text fields as parts, value fields as their value or a conflict. */
  parts: Record<string, MergePart[] | { value: FieldValue } | { conflict: string }>;
}

export type ConflictChoice = { keep: "mine" | "theirs" } | { text: string };

const same = (a: FieldValue, b: FieldValue) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b);

/** Lines with their line breaks, so joining the pieces gives the text back exactly. */
function lines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/** Words and the spaces between them, as separate pieces. */
function words(text: string): string[] {
  return text.split(/(\s+)/).filter((piece) => piece !== "");
}

type Region = { ok: string } | { base: string; mine: string; theirs: string };

function mergePieces(mine: string[], base: string[], theirs: string[]): Region[] {
  const out: Region[] = [];
  for (const block of diff3Merge(mine, base, theirs, { excludeFalseConflicts: true })) {
    if (block.ok) out.push({ ok: block.ok.join("") });
    else if (block.conflict) out.push({ base: block.conflict.o.join(""), mine: block.conflict.a.join(""), theirs: block.conflict.b.join("") });
  }
  return out;
}

/** Merges one text; what both sides changed in the same words comes back as a conflict region. */
export function mergeText(base: string, mine: string, theirs: string): Region[] {
  if (mine === theirs || theirs === base) return [{ ok: mine }];
  if (mine === base) return [{ ok: theirs }];
  const out: Region[] = [];
  for (const region of mergePieces(lines(mine), lines(base), lines(theirs))) {
    if ("ok" in region) {
      out.push(region);
      continue;
    }
    // Both sides changed these lines: try again word by word; a paragraph edited in different sentences merges.
    const fine = mergePieces(words(region.mine), words(region.base), words(region.theirs));
    if (fine.every((r) => "ok" in r)) out.push({ ok: fine.map((r) => (r as { ok: string }).ok).join("") });
    else out.push(region);
  }
  // Neighbouring clean regions read as one.
  return out.reduce<Region[]>((acc, region) => {
    const last = acc[acc.length - 1];
    if (last && "ok" in last && "ok" in region) last.ok += region.ok;
    else acc.push({ ...region });
    return acc;
  }, []);
}

/** Three-way merge of every field present in base, mine and theirs. */
export function mergeFields<T extends MergeableFields<T>>(base: T, mine: T, theirs: T, textFields: readonly string[] = TEXT_FIELDS): MergeResult<T> {
  const conflicts: MergeConflict[] = [];
  const parts: MergeResult<T>["parts"] = {};
  const merged: Record<string, FieldValue> = {};
  const get = (fields: T, field: string) => (fields as Record<string, FieldValue>)[field];
  for (const field of Object.keys(mine)) {
    const m = get(mine, field)!;
    const b = get(base, field) ?? m;
    const t = get(theirs, field) ?? m;
    if (textFields.includes(field) && typeof m === "string" && typeof t === "string" && typeof b === "string") {
      const fieldParts: MergePart[] = [];
      let text = "";
      for (const region of mergeText(b, m, t)) {
        if ("ok" in region) {
          fieldParts.push({ text: region.ok });
          text += region.ok;
        } else {
          const id = `${field}:${conflicts.length}`;
          conflicts.push({ id, field, kind: "text", base: region.base, mine: region.mine, theirs: region.theirs });
          fieldParts.push({ conflict: id });
        }
      }
      parts[field] = fieldParts;
      merged[field] = text;
      continue;
    }
    if (same(m, t) || same(t, b)) parts[field] = { value: (merged[field] = m) };
    else if (same(m, b)) parts[field] = { value: (merged[field] = t) };
    else {
      const id = `${field}:${conflicts.length}`;
      conflicts.push({ id, field, kind: "value", base: b, mine: m, theirs: t });
      parts[field] = { conflict: id };
    }
  }
  return { merged: conflicts.length ? null : (merged as unknown as T), conflicts, parts };
}

/** The fields after the person's choice for every conflict; a conflict without a choice keeps mine. */
export function resolveMerge<T extends MergeableFields<T>>(result: MergeResult<T>, choices: Record<string, ConflictChoice>): T {
  const byId = new Map(result.conflicts.map((c) => [c.id, c]));
  const pick = (id: string): FieldValue => {
    const conflict = byId.get(id)!;
    const choice = choices[id];
    // An edited paragraph keeps its line break, so it does not run into the next one.
    if (choice && "text" in choice) return typeof conflict.mine === "string" && conflict.mine.endsWith("\n") && !choice.text.endsWith("\n") ? `${choice.text}\n` : choice.text;
    return choice?.keep === "theirs" ? conflict.theirs : conflict.mine;
  };
  const out: Record<string, FieldValue> = {};
  for (const [field, outcome] of Object.entries(result.parts)) {
    if (Array.isArray(outcome)) out[field] = outcome.map((part) => ("text" in part ? part.text : String(pick(part.conflict)))).join("");
    else if ("value" in outcome) out[field] = outcome.value;
    else out[field] = pick(outcome.conflict);
  }
  return out as unknown as T;
}
