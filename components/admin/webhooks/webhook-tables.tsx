import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/dal/webhooks";
import { WebhookEndpointActions } from "./webhook-endpoint-actions";

const muted = "text-neutral-600 dark:text-neutral-400";

function shortDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

function Header({ labels }: { labels: string[] }) {
  return (
    <thead className="border-b-2 border-neutral-900 dark:border-neutral-300">
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className="py-2 pr-4 font-semibold whitespace-nowrap">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function WebhookEndpointsTable({ endpoints }: { endpoints: WebhookEndpointView[] }) {
  if (endpoints.length === 0) return <p className={muted}>No endpoints yet. Add one below.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Webhook endpoints</caption>
        <Header labels={["Endpoint", "Events", "Status", "Actions"]} />
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} className={`align-top ${endpoint.active ? "" : "bg-neutral-100 dark:bg-neutral-900/60"}`}>
              <th scope="row" className="min-w-56 py-3 pr-4 text-left font-normal">
                <span className="block font-mono text-xs [overflow-wrap:anywhere]">{endpoint.url}</span>
                {endpoint.description && <span className={`block ${muted}`}>{endpoint.description}</span>}
              </th>
              <td className="py-3 pr-4">
                <ul className="space-y-0.5 font-mono text-xs">
                  {endpoint.events.map((event) => (
                    <li key={event}>{event}</li>
                  ))}
                </ul>
              </td>
              <td className="py-3 pr-4 whitespace-nowrap">
                {endpoint.active ? "Active" : "Disabled"}
                {endpoint.lastDelivery && (
                  <span className={`block text-xs ${muted}`}>
                    Last: {endpoint.lastDelivery.status}
                    {endpoint.lastDelivery.responseCode !== null && ` (${endpoint.lastDelivery.responseCode})`}
                  </span>
                )}
              </td>
              <td className="py-3 pr-4">
                <WebhookEndpointActions id={endpoint.id} url={endpoint.url} active={endpoint.active} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STATUS_CLASS: Record<string, string> = {
  delivered: "text-green-800 dark:text-green-300",
  failed: "font-semibold text-red-800 dark:text-red-300",
  pending: "text-amber-800 dark:text-amber-300",
};

/** The delivery log: each event sent (or being retried) with the endpoint's answer. */
export function WebhookDeliveriesTable({ deliveries, timeZone }: { deliveries: WebhookDeliveryView[]; timeZone: string }) {
  if (deliveries.length === 0) return <p className={muted}>Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="webhook-deliveries">
        <caption className="sr-only">Recent webhook deliveries</caption>
        <Header labels={["Queued", "Event", "Endpoint", "Status", "Response", "Tries", "Time"]} />
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {deliveries.map((delivery) => (
            <tr key={delivery.id} className="align-top">
              <td className="py-2 pr-4 whitespace-nowrap">{shortDateTime(delivery.createdAt, timeZone)}</td>
              <td className="py-2 pr-4 font-mono text-xs">{delivery.event}</td>
              <td className="max-w-64 py-2 pr-4 font-mono text-xs [overflow-wrap:anywhere]">{delivery.endpointUrl}</td>
              <td className={`py-2 pr-4 ${STATUS_CLASS[delivery.status] ?? ""}`}>
                {delivery.status}
                {delivery.error && <span className={`block max-w-72 text-xs font-normal ${muted}`}>{delivery.error}</span>}
              </td>
              <td className="py-2 pr-4 font-mono">{delivery.responseCode ?? "—"}</td>
              <td className="py-2 pr-4">{delivery.attempts}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{delivery.durationMs !== null ? `${delivery.durationMs} ms` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
