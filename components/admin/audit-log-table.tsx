import Link from "@/components/admin/newsroom-link";
import { isoInTimeZone } from "@/lib/content/dates";
import type { AuditEntryView, JsonValue } from "@/lib/dal/audit-log";

/** "Nov 24, 2026" and "9:31:07 PM EST" in the site's time zone: the log needs seconds, unlike reader dates. */
function When({ date, timeZone }: { date: Date; timeZone: string }) {
  return (
    <time dateTime={isoInTimeZone(date, timeZone)}>
      <span className="block whitespace-nowrap">{new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(date)}</span>
      <span className="block whitespace-nowrap text-xs text-neutral-600 dark:text-neutral-400">
        {new Intl.DateTimeFormat("en-US", { timeStyle: "long", timeZone }).format(date)}
      </span>
    </time>
  );
}

function show(value: JsonValue | undefined): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return typeof value === "string" ? `“${value}”` : JSON.stringify(value);
}

/** Details as readable lines: a change record as "field: before → after", anything else as "key: value". */
function detailLines(details: JsonValue | null): string[] {
  if (details === null) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [JSON.stringify(details)];
  return Object.entries(details).flatMap(([key, value]) => {
    if (key === "changes" && value && typeof value === "object" && !Array.isArray(value)) {
      return Object.entries(value).map(([field, change]) => {
        const { from, to } = (change ?? {}) as { from?: JsonValue; to?: JsonValue };
        return `${field}: ${show(from)} → ${show(to)}`;
      });
    }
    return [`${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`];
  });
}

function RecordCell({ entry }: { entry: AuditEntryView }) {
  const label = entry.entityId && entry.entityId !== "1" ? `${entry.entityType} ${entry.entityId}` : entry.entityType;
  return entry.href ? (
    <Link href={entry.href} className="break-all underline underline-offset-4">
      {label}
    </Link>
  ) : (
    <span className="break-all">{label}</span>
  );
}

/** The audit log, newest first: who did what to which record, when (in the site's time zone) and from where. */
export function AuditLogTable({ entries, timeZone }: { entries: AuditEntryView[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead className="border-b-2 border-neutral-900 dark:border-neutral-300">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">
              When
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Who
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Action
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Record
            </th>
            <th scope="col" className="py-2 font-semibold">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {entries.map((entry) => {
            const lines = detailLines(entry.details);
            return (
              <tr key={entry.id} className="align-top">
                <td className="py-3 pr-4">
                  <When date={entry.createdAt} timeZone={timeZone} />
                </td>
                <td className="py-3 pr-4">
                  {entry.actor ? (
                    <>
                      <span className="font-semibold">{entry.actor.name}</span>
                      <span className="block text-xs break-all text-neutral-600 dark:text-neutral-400">{entry.actor.email}</span>
                    </>
                  ) : (
                    <span className="text-neutral-600 dark:text-neutral-400">System or signed out</span>
                  )}
                  {entry.ip && <span className="block text-xs text-neutral-600 dark:text-neutral-400">from {entry.ip}</span>}
                </td>
                <td className="py-3 pr-4">
                  <code className={`rounded px-1.5 py-0.5 text-xs ${entry.action === "permission.denied" ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" : "bg-neutral-100 dark:bg-neutral-800"}`}>
                    {entry.action}
                  </code>
                </td>
                <td className="py-3 pr-4">
                  <RecordCell entry={entry} />
                </td>
                <td className="py-3">
                  {lines.length > 0 ? (
                    <ul className="max-w-md space-y-0.5 text-xs break-words">
                      {lines.map((line, index) => (
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-neutral-500">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
