"use client";
import { changeCoverageAction } from "@/lib/actions/live/change-coverage";
import type { CoverageStep } from "@/lib/validation/live";
import { SiteTime } from "@/components/admin/site-time";
import { buttonClass } from "@/components/ui/button-styles";
import { ActionMessage } from "./action-message";
import type { LiveDeskView } from "./types";
import { useLiveAction } from "./use-live-action";

/** The "Live coverage" switch, and Start / End / Reopen for editors. */
export function CoverageControl({ desk, timeZone }: { desk: LiveDeskView; timeZone: string }) {
  const { pending, message, run } = useLiveAction();
  const step = (value: CoverageStep) => run(() => changeCoverageAction({ articleId: desk.articleId, step: value }));
  const open = desk.liveCoverage && !desk.endedAt;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm font-semibold">
          <input
            type="checkbox"
            role="switch"
            checked={desk.liveCoverage}
            disabled={!desk.can.toggle || pending}
            onChange={(event) => step(event.target.checked ? "enable" : "disable")}
          />
          Live coverage
        </label>
        {desk.liveCoverage && (
          <p className="text-sm" data-coverage-state={desk.endedAt ? "ended" : desk.startedAt ? "open" : "not-started"}>
            {desk.endedAt ? (
              <>
                Coverage ended <SiteTime iso={desk.endedAt} timeZone={timeZone} />
              </>
            ) : desk.startedAt ? (
              <>
                <span className="font-bold text-red-700 dark:text-red-400">Live</span> since <SiteTime iso={desk.startedAt} timeZone={timeZone} />
              </>
            ) : (
              "Not started: entries can be posted; readers see them once the story is published."
            )}
          </p>
        )}
        {desk.liveCoverage && desk.can.manage && (
          <div className="flex gap-2">
            {open && !desk.startedAt && (
              <button type="button" disabled={pending} onClick={() => step("start")} className={buttonClass("secondary")}>
                Start coverage
              </button>
            )}
            {open && (
              <button type="button" disabled={pending} onClick={() => step("end")} className={buttonClass("danger")}>
                End coverage
              </button>
            )}
            {desk.endedAt && (
              <button type="button" disabled={pending} onClick={() => step("reopen")} className={buttonClass("secondary")}>
                Reopen coverage
              </button>
            )}
          </div>
        )}
      </div>
      <ActionMessage message={message} />
    </div>
  );
}
