// Prometheus metrics (lib/observability/metrics.mjs) for a scraper presenting OPS_TOKEN as a bearer token. Without
// OPS_TOKEN configured the endpoint does not exist (404); with a missing or wrong token it is 401.
import { env } from "@/lib/env";
import { exposition } from "@/lib/observability/metrics.mjs";
import { presentsOpsToken } from "@/lib/observability/ops-access";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!env.OPS_TOKEN) return new Response("Not found\n", { status: 404, headers: { "cache-control": "no-store" } });
  if (!presentsOpsToken(request.headers)) {
    return new Response("An ops token is required: Authorization: Bearer <OPS_TOKEN>\n", {
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { body, contentType } = await exposition();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
