import type { EditorChoices } from "@/lib/dal/stories";
import type { LiveDesk as LiveDeskData } from "@/lib/dal/live-entries";
import { LiveDesk } from "./live-desk";
import type { LiveDeskView } from "./types";

/** The live desk on a story's editor page (server side: dates become ISO strings for the client). */
export function LiveDeskPanel({ desk, choices, timeZone }: { desk: LiveDeskData; choices: EditorChoices; timeZone: string }) {
  const view: LiveDeskView = {
    ...desk,
    startedAt: desk.startedAt?.toISOString() ?? null,
    endedAt: desk.endedAt?.toISOString() ?? null,
    entries: desk.entries.map((entry) => ({
      ...entry,
      publishedAt: entry.publishedAt.toISOString(),
      editedAt: entry.editedAt?.toISOString() ?? null,
      corrections: entry.corrections.map((note) => ({ ...note, publishedAt: note.publishedAt.toISOString() })),
    })),
  };
  return <LiveDesk desk={view} choices={{ bylines: choices.bylines, images: choices.images, ownBylineId: desk.ownBylineId }} timeZone={timeZone} />;
}
