import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { LiveDeskPanel } from "@/components/admin/live/live-desk-panel";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getLiveDesk } from "@/lib/dal/live-entries";
import { getSiteSettings } from "@/lib/dal/settings";
import { getEditorChoices } from "@/lib/dal/stories";

export const metadata: Metadata = { title: "Live desk" };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

// The live desk alone (no story form): where a writer bylined on a coverage posts, and the quickest place to post from.
export default async function LiveDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireNewsroomPage({ returnTo: `/admin/stories/${id}/live` });
  if (!ID.test(id)) notFound();
  const [desk, choices, settings] = await Promise.all([getLiveDesk(id), getEditorChoices(), getSiteSettings()]);
  if (!desk) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Live desk: {desk.headline || "Untitled"}</h1>
      {desk.canOpenEditor && (
        <p className="text-sm">
          <Link href={`/admin/stories/${id}`} className="underline underline-offset-4">
            Open the story editor
          </Link>
        </p>
      )}
      <LiveDeskPanel desk={desk} choices={choices} timeZone={settings.timeZone} />
    </div>
  );
}
