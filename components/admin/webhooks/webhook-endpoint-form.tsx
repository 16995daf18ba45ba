"use client";
import { useActionState } from "react";
import { createWebhookEndpointAction } from "@/lib/actions/webhooks/create-endpoint";
import { EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/distribution/names";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { OneTimeLink } from "../one-time-link";

/** "Add endpoint": the address, the events it takes, a note. The signing secret is shown once, after it is made. */
export function WebhookEndpointForm() {
  const [state, action] = useActionState(createWebhookEndpointAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const secret = state?.ok ? state.data?.secret : undefined;
  return (
    <form action={action} className="max-w-3xl space-y-4" noValidate>
      <FormMessage state={state} />
      {secret && <OneTimeLink link={secret} label="Signing secret (shown once)" />}
      <TextField
        name="url"
        label="Endpoint address"
        type="url"
        required
        maxLength={2000}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        errors={errors?.url}
        defaultValue={values?.url ?? ""}
        hint="Events are POSTed here as JSON, signed in the X-BreakingOn-Signature header. Public https:// addresses only; redirects are not followed."
      />
      <fieldset className="space-y-2" aria-describedby={errors?.events?.length ? "events-error" : undefined}>
        <legend className="text-sm font-semibold">Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="events" value={event} defaultChecked className="size-4 accent-neutral-900 dark:accent-neutral-100" />
            {EVENT_LABELS[event]} <code className="text-xs text-neutral-600 dark:text-neutral-400">{event}</code>
          </label>
        ))}
        {errors?.events?.map((error) => (
          <p key={error} id="events-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        ))}
      </fieldset>
      <TextField name="description" label="Description" maxLength={200} errors={errors?.description} defaultValue={values?.description ?? ""} hint="Who runs it and what for (optional)." />
      <SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton>
    </form>
  );
}
