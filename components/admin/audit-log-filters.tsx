import Link from "@/components/admin/newsroom-link";
import { buttonClass } from "@/components/ui/button-styles";
import { SelectField } from "@/components/ui/field";
import type { AuditFilterChoices, AuditLogFilters as Filters } from "@/lib/dal/audit-log";

/** Narrows the log by who, what and which kind of record (a GET form: every view has its own URL). */
export function AuditLogFilters({ choices, filters }: { choices: AuditFilterChoices; filters: Filters }) {
  const any = { value: "", label: "Any" };
  const filtered = !!(filters.actorId || filters.action || filters.entityType);
  return (
    <form action="/admin/audit" className="mb-6 grid gap-3 rounded-lg border border-neutral-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-neutral-700 dark:bg-neutral-900">
      <SelectField
        name="actorId"
        label="Who"
        defaultValue={filters.actorId ?? ""}
        options={[any, ...choices.actors.map((actor) => ({ value: actor.id, label: `${actor.name} (${actor.email})` }))]}
      />
      <SelectField name="action" label="Action" defaultValue={filters.action ?? ""} options={[any, ...choices.actions.map((action) => ({ value: action, label: action }))]} />
      <SelectField name="entityType" label="Record" defaultValue={filters.entityType ?? ""} options={[any, ...choices.entityTypes.map((type) => ({ value: type, label: type }))]} />
      <div className="flex flex-wrap items-end gap-2 self-end">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        {filtered && (
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
