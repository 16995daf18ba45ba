import type { Metadata } from "next";
import { PeopleCreateForm } from "@/components/admin/people-create-form";
import { PeopleTable } from "@/components/admin/people-table";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { listPeople } from "@/lib/dal/people";
import { getSiteSettings } from "@/lib/dal/settings";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  await requireNewsroomPage({ permission: "people.manage", returnTo: "/admin/people" });
  const [people, settings] = await Promise.all([listPeople(), getSiteSettings()]);
  const enabled = people.filter((person) => !person.disabled).length;
  return (
    <div>
      <header className="mb-6 space-y-2">
        <h1 className="text-2xl font-bold">People</h1>
        <p className="max-w-3xl text-sm text-neutral-700 dark:text-neutral-300">
          Everyone who can sign in to the newsroom. Disabling someone signs them out everywhere at once; resetting their two-factor sign-in lets them in with
          just their password, to set up a new app. You cannot change your own account here, and the newsroom always keeps at least one enabled admin.
        </p>
      </header>
      <section aria-labelledby="staff-heading" className="mb-8 rounded-lg border border-neutral-300 bg-white p-4 sm:p-6 dark:border-neutral-700 dark:bg-neutral-900">
        <h2 id="staff-heading" className="mb-4 text-lg font-bold">
          Staff ({enabled} active{people.length > enabled ? `, ${people.length - enabled} disabled` : ""})
        </h2>
        <PeopleTable people={people} timeZone={settings.timeZone} />
      </section>
      <section aria-labelledby="new-person-heading" className="mb-8 rounded-lg border border-neutral-300 bg-white p-4 sm:p-6 dark:border-neutral-700 dark:bg-neutral-900">
        <h2 id="new-person-heading" className="mb-4 text-lg font-bold">
          Add a person
        </h2>
        <PeopleCreateForm />
      </section>
    </div>
  );
}
