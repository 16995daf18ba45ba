import { z } from "zod";
import { expire } from "@/lib/cache/invalidate";
import { env } from "@/lib/env";
import { internalSecret, isValidRevalidationToken } from "@/lib/publishing/revalidation";

const body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(200) });

// Only the server's own scheduler calls this (lib/publishing); anyone else gets a 404, as if it did not exist.
export async function POST(request: Request) {
  const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  if (!isValidRevalidationToken(token, internalSecret(env.NEXTAUTH_SECRET))) {
    return new Response("Not found", { status: 404 });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Expected { tags: string[] }" }, { status: 400 });
  return Response.json({ expired: expire(parsed.data.tags) });
}
