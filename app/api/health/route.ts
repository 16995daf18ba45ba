// Liveness: the process is up and answers HTTP. Nothing else is asked (a database outage must not make a supervisor
// restart every instance); /api/ready says whether this instance can serve.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
