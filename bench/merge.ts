// The editor's three-way merge on a 5,000-word story (100 paragraphs of 50 words) with edits on both sides: clean
// (different paragraphs, and different sentences of the same paragraphs) and with overlaps. 50 timed runs after a
// short warm-up; prints p50/p95 against the 300 ms goal. Run: npx tsx bench/merge.ts
import { mergeFields } from "@/lib/content/merge";
import { percentile } from "./stats";

const GOAL_MS = 300;
const RUNS = 50;

const base = Array.from({ length: 100 }, (_, p) => Array.from({ length: 50 }, (_, w) => `word${p}_${w}`).join(" ") + ".");
const fields = (body: string[]) => ({ headline: "A long story", standfirst: "Its standfirst.", body: body.join("\n\n"), slug: "long", sectionId: "", tags: ["a"], bylineIds: [], heroMediaId: "", seoTitle: "", seoDescription: "", breaking: false, breakingUntil: "", featured: false });

const scenarios: Record<string, { mine: string[]; theirs: string[] }> = {
  "different paragraphs": {
    mine: base.map((text, i) => (i % 7 === 0 ? `${text} Mine adds a sentence here.` : text)),
    theirs: base.map((text, i) => (i % 7 === 3 ? text.replace(`word${i}_10`, "theirs-word") : text)),
  },
  "same paragraphs, different words": {
    mine: base.map((text, i) => (i % 5 === 0 ? text.replace(`word${i}_5`, "mine-word") : text)),
    theirs: base.map((text, i) => (i % 5 === 0 ? text.replace(`word${i}_40`, "theirs-word") : text)),
  },
  "overlapping words": {
    mine: base.map((text, i) => (i % 10 === 0 ? text.replace(`word${i}_20`, "mine-word") : text)),
    theirs: base.map((text, i) => (i % 10 === 0 ? text.replace(`word${i}_20`, "theirs-word") : text)),
  },
};

let failed = false;
for (const [name, { mine, theirs }] of Object.entries(scenarios)) {
  const b = fields(base);
  const m = fields(mine);
  const t = fields(theirs);
  for (let i = 0; i < 5; i++) mergeFields(b, m, t);
  const times: number[] = [];
  let conflicts = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = mergeFields(b, m, t);
    times.push(performance.now() - started);
    conflicts = result.conflicts.length;
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  if (p95 > GOAL_MS) failed = true;
  console.log(`merge, 5,000 words, ${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal ≤ ${GOAL_MS} ms), ${conflicts} overlapping hunks`);
}
process.exitCode = failed ? 1 : 0;
