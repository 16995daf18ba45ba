"use client";
import { useActionState } from "react";
import { deleteWebhookEndpointAction } from "@/lib/actions/webhooks/delete-endpoint";
import { sendTestWebhookAction } from "@/lib/actions/webhooks/send-test";
import { setWebhookEndpointActiveAction } from "@/lib/actions/webhooks/set-endpoint-active";
import type { ActionState } from "@/lib/actions/result";
import { SubmitButton } from "@/components/ui/button";

const COMPACT = "min-h-9 whitespace-nowrap px-3 py-1.5";

function RowMessage({ state }: { state: ActionState }) {
  if (!state?.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`mt-1 max-w-64 text-xs ${state.ok ? "text-green-800 dark:text-green-300" : "font-medium text-red-700 dark:text-red-400"}`}>
      {state.message}
    </p>
  );
}

/** One endpoint's controls: send a test event, disable or enable, delete. */
export function WebhookEndpointActions({ id, url, active }: { id: string; url: string; active: boolean }) {
  const [testState, test] = useActionState(sendTestWebhookAction, null);
  const [activeState, toggle] = useActionState(setWebhookEndpointActiveAction, null);
  const [deleteState, remove] = useActionState(deleteWebhookEndpointAction, null);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <form action={test}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton variant="secondary" pendingLabel="Sending…" className={COMPACT}>
          Send test<span className="sr-only"> to {url}</span>
        </SubmitButton>
        <RowMessage state={testState} />
      </form>
      <form action={toggle}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <SubmitButton variant="secondary" pendingLabel={active ? "Disabling…" : "Enabling…"} className={COMPACT}>
          {active ? "Disable" : "Enable"}
          <span className="sr-only"> {url}</span>
        </SubmitButton>
        <RowMessage state={activeState} />
      </form>
      <form
        action={remove}
        onSubmit={(event) => {
          if (!window.confirm(`Delete ${url} and its delivery log?`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <SubmitButton variant="secondary" pendingLabel="Deleting…" className={`${COMPACT} text-red-800 dark:text-red-300`}>
          Delete<span className="sr-only"> {url}</span>
        </SubmitButton>
        <RowMessage state={deleteState} />
      </form>
    </div>
  );
}
