import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireBuildLock, buildInputs, decideBuild, derivedDeploymentId, normalisedTsconfig, readStamp, stampPath, writeStamp, type BuildInputs, type EnvSource } from "./build-stamp";

let root: string;
const dist = () => path.join(root, ".next");
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const TSCONFIG = { compilerOptions: { strict: true }, include: ["next-env.d.ts", "**/*.ts", ".next/types/**/*.ts", ".next/dev/types/**/*.ts"] };
const ENV = { NODE_ENV: "production", SITE_URL: "https://news.example", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "k".repeat(44) };

/** A project with a finished build whose stamp matches `env`. */
function builtProject(env: EnvSource = ENV): BuildInputs {
  const inputs = buildInputs(root, env);
  write(".next/BUILD_ID", "abc");
  writeStamp(dist(), { version: 1, inputs, deploymentId: derivedDeploymentId(inputs), builtAt: new Date().toISOString() });
  return inputs;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "breakingon-stamp-"));
  write("app/page.tsx", "export default function Page() { return null; }");
  write("lib/util.ts", "export const answer = 42;");
  write("lib/util.test.ts", "// a test");
  write("public/robots.txt", "User-agent: *");
  write("next.config.ts", "export default { deploymentId: process.env.DEPLOYMENT_ID, x: process.env.FEATURE_FLAG, cache: process.env.NEXT_BUILD_CACHE };");
  write("tsconfig.json", JSON.stringify(TSCONFIG, null, 2));
  write("package-lock.json", "{}");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("deciding whether npm start builds", () => {
  it("builds when there is no build, or a build without a record of its sources", () => {
    expect(decideBuild("auto", dist(), buildInputs(root, ENV))).toEqual({ build: true, reason: `there is no build in ${dist()} yet` });
    write(".next/BUILD_ID", "abc");
    expect(decideBuild("auto", dist(), buildInputs(root, ENV))).toMatchObject({ build: true, reason: expect.stringMatching(/no record of its sources/) });
  });

  it("serves at once when nothing changed, and rebuilds naming what changed", () => {
    builtProject();
    expect(decideBuild("auto", dist(), buildInputs(root, ENV))).toEqual({ build: false, reason: "nothing changed since the last build", stale: [] });
    write("lib/util.ts", "export const answer = 43;");
    write("public/new.txt", "new");
    expect(decideBuild("auto", dist(), buildInputs(root, ENV))).toEqual({ build: true, reason: "changed since the last build: lib/, public/" });
  });

  it("ignores tests and the type paths Next adds to tsconfig.json for each dist folder", () => {
    builtProject();
    write("lib/util.test.ts", "// another test");
    write("tsconfig.json", JSON.stringify({ ...TSCONFIG, include: [...TSCONFIG.include, ".next-e2e/types/**/*.ts", ".next-e2e/dev/types/**/*.ts"] }));
    expect(decideBuild("auto", dist(), buildInputs(root, ENV)).build).toBe(false);
    write("tsconfig.json", JSON.stringify({ ...TSCONFIG, compilerOptions: { strict: false } }));
    expect(decideBuild("auto", dist(), buildInputs(root, ENV))).toMatchObject({ build: true, reason: "changed since the last build: tsconfig.json" });
  });

  it("rebuilds when a build-time setting changes: the fixed list, what next.config.ts reads, NEXT_PUBLIC_*", () => {
    builtProject();
    const changed = (env: EnvSource) => decideBuild("auto", dist(), buildInputs(root, env));
    expect(changed({ ...ENV, SITE_URL: "https://other.example" })).toMatchObject({ reason: "changed since the last build: SITE_URL" });
    expect(changed({ ...ENV, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "j".repeat(44) })).toMatchObject({ build: true });
    expect(changed({ ...ENV, FEATURE_FLAG: "on" })).toMatchObject({ reason: "changed since the last build: FEATURE_FLAG" });
    expect(changed({ ...ENV, NEXT_PUBLIC_ANALYTICS: "x" })).toMatchObject({ reason: "changed since the last build: NEXT_PUBLIC_ANALYTICS" });
    expect(changed({ ...ENV, DEPLOYMENT_ID: "release-2" })).toMatchObject({ reason: "changed since the last build: DEPLOYMENT_ID" });
    // Run-time settings do not make a new build, nor does whether Turbopack keeps its build cache.
    expect(changed({ ...ENV, DATABASE_URL: "postgresql://db/x", PORT: "4000", REDIS_URL: "redis://r" }).build).toBe(false);
    expect(changed({ ...ENV, NEXT_BUILD_CACHE: "0" }).build).toBe(false);
  });

  it("--build always builds; --no-build never does and reports what is stale", () => {
    builtProject();
    expect(decideBuild("always", dist(), buildInputs(root, ENV))).toEqual({ build: true, reason: "--build was given" });
    write("app/page.tsx", "changed");
    expect(decideBuild("never", dist(), buildInputs(root, ENV))).toEqual({ build: false, reason: "--no-build was given", stale: ["app/"] });
  });

  it("keeps no secret in the stamp, only hashes", () => {
    builtProject();
    const text = readFileSync(stampPath(dist()), "utf8");
    expect(text).not.toContain(ENV.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY);
    expect(readStamp(dist())?.inputs.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(stampPath(dist()), "{ broken");
    expect(readStamp(dist())).toBeNull();
  });
});

describe("the DEPLOYMENT_ID of a build not given one", () => {
  it("is the same for builds of the same release wherever they go, and new for a new release", () => {
    const first = derivedDeploymentId(buildInputs(root, ENV));
    expect(first).toMatch(/^b-[0-9a-f]{16}$/);
    expect(derivedDeploymentId(buildInputs(root, { ...ENV, NEXT_DIST_DIR: ".next-elsewhere" }))).toBe(first);
    write("components/new.tsx", "export {}");
    expect(derivedDeploymentId(buildInputs(root, ENV))).not.toBe(first);
  });
});

describe("normalisedTsconfig", () => {
  it("drops Next's per-build type paths and keeps everything else", () => {
    const withDist = JSON.stringify({ ...TSCONFIG, include: [...TSCONFIG.include, ".next-x/types/**/*.ts"] }, null, 4);
    expect(normalisedTsconfig(withDist)).toBe(JSON.stringify({ ...TSCONFIG, include: ["next-env.d.ts", "**/*.ts"] }));
    expect(normalisedTsconfig("not json")).toBe("not json");
  });
});

describe("one build at a time into a folder", () => {
  it("a second builder waits for the first, then learns it waited", async () => {
    const log: string[] = [];
    const first = await acquireBuildLock(dist(), (line) => log.push(line), 20);
    expect(first.waited).toBe(false);
    let secondDone = false;
    const second = acquireBuildLock(dist(), (line) => log.push(line), 20).then((lock) => ((secondDone = true), lock));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(secondDone).toBe(false);
    expect(log).toEqual([`Another npm start (pid ${process.pid}) is building into ${dist()}; waiting for it.`]);
    first.release();
    const lock = await second;
    expect(lock.waited).toBe(true);
    lock.release();
  });

  it("takes over a lock whose holder is gone", async () => {
    writeFileSync(`${dist()}.build-lock`, "2147483646");
    const lock = await acquireBuildLock(dist(), () => {}, 20);
    expect(lock.waited).toBe(false);
    expect(readFileSync(`${dist()}.build-lock`, "utf8")).toBe(String(process.pid));
    lock.release();
  });
});
