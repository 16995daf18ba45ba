import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { NextResponse, type NextRequest } from "next/server";
import { getStoryPreview } from "@/lib/dal/stories";
import { getCurrentUser } from "@/lib/dal/session";

// Turns on Next.js draft mode for signed-in staff and opens the story's preview. Anyone else gets a 404.
export async function GET(request: NextRequest) {
  const id = request.nextUrl.searchParams.get("id") ?? "";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !(await getCurrentUser()) || !(await getStoryPreview(id))) {
    return new NextResponse("Not found", { status: 404 });
  }
  (await draftMode()).enable();
  // A relative redirect keeps the browser on the host it asked (the draft-mode cookie belongs to that host).
  redirect(`/preview/${id}`);
}
