// Readiness: 200 when this instance can serve (database, migrations, storage, job runner), else 503. Anonymous
// callers learn only the status; the ops token or a signed-in admin get each check (lib/observability/ready.ts).
import { logger } from "@/lib/observability/logger";
import { opsViewer } from "@/lib/observability/ops-access";
import { readiness } from "@/lib/observability/readiness-checks";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const [viewer, result] = await Promise.all([opsViewer(request.headers), readiness()]);
  if (result.status !== "ok") logger().warn({ checks: result.checks }, "not ready");
  const body = viewer === "anonymous" ? { status: result.status } : result;
  return Response.json(body, { status: result.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
