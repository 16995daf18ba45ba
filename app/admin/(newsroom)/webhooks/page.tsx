import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { WebhookEndpointForm } from "@/components/admin/webhooks/webhook-endpoint-form";
import { WebhookDeliveriesTable, WebhookEndpointsTable } from "@/components/admin/webhooks/webhook-tables";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getSiteSettings } from "@/lib/dal/settings";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/dal/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

const panel = "mb-8 rounded-lg border border-neutral-300 bg-white p-4 sm:p-6 dark:border-neutral-700 dark:bg-neutral-900";

export default async function WebhooksPage() {
  await requireNewsroomPage({ permission: "settings.manage", returnTo: "/admin/webhooks" });
  const [endpoints, deliveries, settings] = await Promise.all([listWebhookEndpoints(), listWebhookDeliveries(), getSiteSettings()]);
  return (
    <div>
      <header className="mb-6 space-y-2">
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="max-w-3xl text-sm text-neutral-700 dark:text-neutral-300">
          Other systems hear the moment a story is published, updated, corrected or unpublished, or a live entry is posted. Each event is POSTed as JSON and signed:
          the <code>X-BreakingOn-Signature</code> header is <code>t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256 of &quot;t.body&quot; with the endpoint’s secret&gt;</code>.
          Deliveries run in the background and are retried with backoff for about 20 minutes; a slow or failing endpoint never holds up publishing. The WebSub hub is set
          under <Link href="/admin/settings" className="underline underline-offset-4">Settings</Link>.
        </p>
      </header>
      <section aria-labelledby="endpoints-heading" className={panel}>
        <h2 id="endpoints-heading" className="mb-4 text-lg font-bold">
          Endpoints
        </h2>
        <WebhookEndpointsTable endpoints={endpoints} />
      </section>
      <section aria-labelledby="new-endpoint-heading" className={panel}>
        <h2 id="new-endpoint-heading" className="mb-4 text-lg font-bold">
          Add an endpoint
        </h2>
        <WebhookEndpointForm />
      </section>
      <section aria-labelledby="deliveries-heading" className={panel}>
        <h2 id="deliveries-heading" className="mb-4 text-lg font-bold">
          Delivery log
        </h2>
        <WebhookDeliveriesTable deliveries={deliveries} timeZone={settings.timeZone} />
      </section>
    </div>
  );
}
