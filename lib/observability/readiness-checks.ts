// The checks /api/ready runs in this process, wired to the real database, storage and job runner (ready.ts holds
// the logic and is tested with stand-ins).
import "server-only";
import { env } from "@/lib/env";
import { migrationState, pingDatabase } from "@/lib/dal/health";
import { currentJobRunner } from "@/lib/jobs/runner";
import { getMediaStorage, newStorageKey } from "@/lib/media/storage";
import { checkReadiness, jobRunnerCheck, storageCheck, type Check, type CheckName, type Readiness } from "./ready";

const migrationsCheck: Check = async () => {
  const { pending, failed } = await migrationState();
  if (failed.length > 0) throw new Error(`failed migration${failed.length === 1 ? "" : "s"}: ${failed.join(", ")}`);
  if (pending.length > 0) throw new Error(`not applied: ${pending.join(", ")} (run npm start -- --prepare-only)`);
};

export function liveChecks(): Record<CheckName, Check> {
  return {
    database: pingDatabase,
    migrations: migrationsCheck,
    // A fresh key each time: a probe never touches an upload, and a probe left behind (a crash mid-way) is a lone file.
    storage: storageCheck(getMediaStorage, () => `${newStorageKey()}/default.png`),
    jobRunner: jobRunnerCheck(currentJobRunner(), env.SCHEDULER_POLL_MS),
  };
}

export function readiness(): Promise<Readiness> {
  return checkReadiness(liveChecks());
}
