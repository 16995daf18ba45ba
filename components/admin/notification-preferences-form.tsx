"use client";
import { useActionState } from "react";
import { updateNotificationsAction } from "@/lib/actions/account/update-notifications";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { NotificationPreferences } from "@/lib/validation/account-links";

const CHOICES: { name: keyof NotificationPreferences; label: string; hint: string }[] = [
  { name: "notifyReview", label: "Stories submitted for review", hint: "Editors and admins: when a writer submits a story." },
  { name: "notifyWorkflow", label: "My stories sent back or published", hint: "When an editor moves your story back to draft (with their note) or publishes it." },
  { name: "notifyFailures", label: "Scheduled publishes or updates that failed", hint: "Editors and admins: when the scheduler could not publish or update a story." },
];

/** Which emails this person wants; each kind can be turned off. */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const [state, action] = useActionState(updateNotificationsAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <fieldset className="space-y-3">
        <legend className="sr-only">Email me about</legend>
        {CHOICES.map((choice) => (
          <div key={choice.name} className="flex items-start gap-2">
            <input id={choice.name} name={choice.name} type="checkbox" defaultChecked={preferences[choice.name]} className="mt-1 size-4" />
            <label htmlFor={choice.name} className="text-sm">
              <span className="block font-semibold">{choice.label}</span>
              <span className="block text-neutral-600 dark:text-neutral-400">{choice.hint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save email choices
      </SubmitButton>
    </form>
  );
}
