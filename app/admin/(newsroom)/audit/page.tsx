import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/site/pagination";
import { AuditLogFilters } from "@/components/admin/audit-log-filters";
import { AuditLogTable } from "@/components/admin/audit-log-table";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { auditLogQuerySchema, listAuditFilterChoices, listAuditLog } from "@/lib/dal/audit-log";
import { getSiteSettings } from "@/lib/dal/settings";
import { parsePageParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  await requireNewsroomPage({ permission: "audit.view", returnTo: "/admin/audit" });
  const params = await searchParams;
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const filters = auditLogQuerySchema.parse(params);
  const [log, choices, { timeZone }] = await Promise.all([listAuditLog({ ...filters, page }), listAuditFilterChoices(), getSiteSettings()]);
  if (page > log.pageCount) notFound();
  const query = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  return (
    <div>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Who did what to which story or setting, and when. Times are in the site’s time zone ({timeZone.replaceAll("_", " ")}).
        </p>
      </header>
      <AuditLogFilters choices={choices} filters={filters} />
      <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">{log.total === 1 ? "1 entry" : `${log.total} entries`}</p>
      {log.entries.length === 0 ? <p>No entries match these filters.</p> : <AuditLogTable entries={log.entries} timeZone={timeZone} />}
      <Pagination basePath="/admin/audit" params={query} page={log.page} pageCount={log.pageCount} labels={{ nav: "Audit log pages", previous: "← Newer entries", next: "Older entries →" }} />
    </div>
  );
}
