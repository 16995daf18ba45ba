import type { PersonView } from "@/lib/dal/people";
import { ROLE_LABELS } from "./people-roles";
import { PersonInvitationForms, PersonPasswordResetForm, PersonResetTwoFactorForm, PersonRoleForm, PersonStatusForm } from "./people-row-actions";

const muted = "text-neutral-600 dark:text-neutral-400";

/** "Nov 24, 2026, 5:09 PM" in the site's time zone: short enough for a table column. */
function shortDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

/** Staff accounts with their controls. One's own row is read-only here: the security page covers it. */
export function PeopleTable({ people, timeZone }: { people: PersonView[]; timeZone: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Staff accounts</caption>
        <thead className="border-b-2 border-neutral-900 dark:border-neutral-300">
          <tr>
            {["Person", "Role", "Two-factor", "Status", "Last sign-in"].map((header) => (
              <th key={header} scope="col" className="py-2 pr-4 font-semibold whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {people.map((person) => (
            <tr key={person.id} className={`align-top ${person.disabled ? "bg-neutral-100 dark:bg-neutral-900/60" : ""}`}>
              <th scope="row" className="min-w-44 py-3 pr-4 text-left font-normal">
                <span className="block font-semibold">
                  {person.name}
                  {person.isYou && <span className={`font-normal ${muted}`}> (you)</span>}
                </span>
                <span className={`block [overflow-wrap:anywhere] ${muted}`}>{person.email}</span>
              </th>
              <td className="py-3 pr-4">
                {person.isYou ? ROLE_LABELS[person.role] : <PersonRoleForm userId={person.id} name={person.name} role={person.role} />}
              </td>
              <td className="py-3 pr-4">
                <span className="block">{person.twoFactorEnabled ? "On" : "Off"}</span>
                {!person.isYou && <PersonResetTwoFactorForm userId={person.id} name={person.name} enabled={person.twoFactorEnabled} />}
              </td>
              <td className="py-3 pr-4">
                <span className={`block ${person.disabled ? "font-semibold text-red-800 dark:text-red-300" : ""}`}>
                  {person.disabled ? "Disabled" : person.invitedAt ? "Invited" : "Active"}
                </span>
                {!person.isYou && (
                  <div className="mt-1">
                    <PersonStatusForm userId={person.id} name={person.name} disabled={person.disabled} />
                  </div>
                )}
                {!person.isYou && !person.disabled && person.invitedAt && <PersonInvitationForms userId={person.id} name={person.name} />}
                {!person.isYou && !person.disabled && !person.invitedAt && <PersonPasswordResetForm userId={person.id} name={person.name} />}
              </td>
              <td className="py-3 pr-4">
                {person.lastLoginAt ? <time dateTime={person.lastLoginAt.toISOString()}>{shortDateTime(person.lastLoginAt, timeZone)}</time> : <span className={muted}>Never</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
