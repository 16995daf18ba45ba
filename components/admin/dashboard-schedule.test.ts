import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import type { ScheduledEntry } from "@/lib/dal/story-list";
import { DashboardSchedule } from "./dashboard-schedule";

const base = { articleId: "a1", headline: "Harbour reopens", runAt: new Date("2030-06-01T12:00:00Z"), failure: null, retrying: null };

// The newsroom's links ask for the app router (to fetch a page on pointer or focus), as in the app.
const router = { prefetch: () => {}, push: () => {}, replace: () => {}, refresh: () => {}, back: () => {}, forward: () => {} } as unknown as AppRouterInstance;

function render(entries: ScheduledEntry[]): string {
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, createElement(DashboardSchedule, { entries, timeZone: "UTC" })))
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'");
}

describe("DashboardSchedule", () => {
  it("shows a failing scheduled update: the story, the reason, the tries and the next try", () => {
    const text = render([
      {
        ...base,
        kind: "update",
        id: "u1",
        retrying: { attempts: 2, reason: "The section chosen for this update has been deleted.", nextTry: new Date("2030-06-01T12:01:30Z") },
      },
    ]);
    expect(text).toContain("Harbour reopens");
    expect(text).toContain("Not applied yet (2 failed tries): The section chosen for this update has been deleted. Next try: Jun 1, 2030, 12:01 PM UTC.");
  });

  it("shows a scheduled story that failed to publish, and a final failure, and nothing for a healthy entry", () => {
    const text = render([
      { ...base, kind: "publish", id: "s1", retrying: { attempts: 1, reason: "It could not be applied: disk full", nextTry: null } },
      { ...base, kind: "update", id: "u2", headline: "Second", failure: "The story was edited after this update was scheduled." },
      { ...base, kind: "publish", id: "s2", headline: "Healthy" },
    ]);
    expect(text).toContain("Not published yet (1 failed try): It could not be applied: disk full");
    expect(text).toContain("Not applied: The story was edited after this update was scheduled.");
    expect(text.match(/⚠/g)).toHaveLength(2);
  });
});
