import type { BackupStatus } from "@/lib/dal/backups";
import { formatBytes } from "@/lib/format-bytes";

function when(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

const KIND_LABELS: Record<string, string> = { manual: "manual", scheduled: "scheduled", "pre-migration": "before an upgrade" };

/** The last backup, its size, and a warning when none succeeded in the last 26 hours. */
export function BackupsCard({ status, timeZone }: { status: BackupStatus; timeZone: string }) {
  const last = status.lastSucceeded;
  const failedSince = status.lastFailed?.finishedAt && (!last?.finishedAt || status.lastFailed.finishedAt > last.finishedAt) ? status.lastFailed : null;
  return (
    <section aria-labelledby="backups-heading" className="rounded-lg border border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900">
      <h2 id="backups-heading" className="text-lg font-semibold">
        Backups
      </h2>
      {status.stale && (
        <p role="alert" className="mt-3 rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
          {last ? "No backup has succeeded in the last 26 hours." : "No backup has succeeded yet."} Check the scheduled backup (BACKUP_EVERY_HOURS) or run
          <code className="mx-1">npm run backup</code>on the server.
        </p>
      )}
      {last?.finishedAt ? (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Last backup</dt>
          <dd>
            <time dateTime={last.finishedAt.toISOString()}>{when(last.finishedAt, timeZone)}</time> ({KIND_LABELS[last.kind] ?? last.kind})
          </dd>
          <dt className="font-medium">Size</dt>
          <dd>{last.sizeBytes === null ? "unknown" : formatBytes(last.sizeBytes)}</dd>
          <dt className="font-medium">File</dt>
          <dd className="break-all font-mono text-xs">{last.file}</dd>
        </dl>
      ) : (
        !status.stale && <p className="mt-3 text-sm">No backup yet.</p>
      )}
      {failedSince?.finishedAt && (
        <p className="mt-3 text-sm text-red-800 dark:text-red-300">
          The latest attempt failed (<time dateTime={failedSince.finishedAt.toISOString()}>{when(failedSince.finishedAt, timeZone)}</time>): {failedSince.error}
        </p>
      )}
    </section>
  );
}
