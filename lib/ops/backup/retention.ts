// Which scheduled backups to keep: the newest archive of each of the last `daily` days and of each of the last
// `weekly` weeks (weeks start on Monday, UTC). Manual and pre-migration archives are the operator's to remove.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { parseArchiveName } from "./manifest";

export interface Retention {
  daily: number;
  weekly: number;
}

const DAY_MS = 24 * 60 * 60_000;

function dayOf(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** The Monday starting the ISO week, as a day number (1970-01-01 was a Thursday). */
function weekOf(at: Date): number {
  const day = dayOf(at);
  return day - ((day + 3) % 7);
}

/** The archives to keep, by name, from a list of { name, at }. */
export function archivesToKeep(archives: { name: string; at: Date }[], keep: Retention): Set<string> {
  const newestFirst = [...archives].sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<string>();
  for (const [bucket, limit] of [[dayOf, keep.daily], [weekOf, keep.weekly]] as const) {
    const seen = new Set<number>();
    for (const archive of newestFirst) {
      const key = bucket(archive.at);
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      kept.add(archive.name);
    }
  }
  return kept;
}

/** Deletes the scheduled archives in `dir` that the retention does not keep; returns their names. */
export async function pruneScheduledBackups(dir: string, keep: Retention): Promise<string[]> {
  const scheduled = (await readdir(dir))
    .map((name) => ({ name, parsed: parseArchiveName(name) }))
    .flatMap(({ name, parsed }) => (parsed?.kind === "scheduled" ? [{ name, at: parsed.at }] : []));
  const kept = archivesToKeep(scheduled, keep);
  const removed = scheduled.filter((a) => !kept.has(a.name)).map((a) => a.name);
  for (const name of removed) await rm(path.join(dir, name), { force: true });
  return removed;
}
