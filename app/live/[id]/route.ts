import { getLiveUpdates } from "@/lib/dal/live-entries";

// What an open live coverage page polls (components/site/live/live-updates-notice.tsx): rendered on first request and
// served whole from the cache until an entry is posted, edited or deleted (tag live:<id>), on every instance at once.
// A public path, not /api: a front such as nginx micro-caches it like the reader pages.
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ id: string }[]> {
  return [];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const updates = ID.test(id) ? await getLiveUpdates(id) : null;
  if (!updates) return Response.json({ error: "No live coverage here." }, { status: 404 });
  return Response.json(updates);
}
