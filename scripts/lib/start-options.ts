// The flags `npm start` takes, and what each asks it to do (scripts/start.ts).
import { parseArgs } from "node:util";
import type { BuildMode } from "./build-stamp";
import { StepError } from "./run";

const USAGE = "usage: npm start [-- --build | --no-build | --build-only | --prepare-only]";

export interface StartPlan {
  mode: BuildMode;
  prepare: boolean;
  build: boolean;
  serve: boolean;
}

export function planFromArgs(args: string[]): StartPlan {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        build: { type: "boolean" },
        "no-build": { type: "boolean" },
        "build-only": { type: "boolean" },
        "prepare-only": { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new StepError(`${(error as Error).message.split(".")[0]}. ${USAGE}`);
  }
  if (values.build && values["no-build"]) throw new StepError(`--build and --no-build contradict each other. ${USAGE}`);
  if (values["no-build"] && values["build-only"]) throw new StepError(`--no-build and --build-only contradict each other. ${USAGE}`);
  if (values.build && values["prepare-only"] && !values["build-only"]) {
    throw new StepError(`--prepare-only does not build; add --build-only to do both. ${USAGE}`);
  }
  const mode: BuildMode = values.build ? "always" : values["no-build"] ? "never" : "auto";
  const buildOnly = Boolean(values["build-only"]);
  const prepareOnly = Boolean(values["prepare-only"]);
  if (buildOnly || prepareOnly) return { mode, prepare: prepareOnly, build: buildOnly, serve: false };
  return { mode, prepare: true, build: true, serve: true };
}

