// What readers get through each front (instances A, B, C and nginx): a change is "visible" on a page when the page's
// answer passes a check; each (front, page) pair is polled until it does, and the time it took is what the
// assertion judges.
import { sleep } from "./processes";

export interface Answer {
  status: number;
  body: string;
  location: string | null;
  /** Next's x-nextjs-cache (HIT, STALE, MISS) or nginx's cache status, where sent. */
  cache?: string | null;
}

export async function get(url: string, timeoutMs = 10_000): Promise<Answer> {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs), headers: { "accept-encoding": "identity" } });
  const cache = response.headers.get("x-nextjs-cache") ?? response.headers.get("x-cache-status");
  return { status: response.status, body: await response.text(), location: response.headers.get("location"), cache };
}

export interface PageCheck {
  /** e.g. "article", "home", "tag feed". */
  page: string;
  path: string;
  ok: (answer: Answer) => boolean;
}

export interface Front {
  name: string;
  url: string;
}

export interface Sighting {
  front: string;
  page: string;
  path: string;
  /**
   * Milliseconds from the write's answer until the start of the first request whose answer passed the check (from
   * then on readers get the change; the render time our own polling load adds is not the cache's doing); null if
   * none did.
   */
  ms: number | null;
  last: string;
  /** What the front answered while it did not pass, each change with when it was asked ("0 ms 200, 310 ms 308 → /x"). */
  seen: string;
}

/** Loads every page on every front, so each cache holds the old version and a pass proves an expiry, not a miss. */
export async function prime(fronts: Front[], paths: string[]): Promise<void> {
  await Promise.all(fronts.map(async (front) => {
    for (const path of paths) await get(front.url + path).catch(() => undefined);
  }));
  // A second round, so pages filled in the background (nginx's update, Next's stale-while-revalidate) are settled.
  await Promise.all(fronts.map(async (front) => {
    for (const path of paths) await get(front.url + path).catch(() => undefined);
  }));
}

/**
 * Polls every page on every front from `since` until it passes its check or `giveUpMs` passes. Each (front, page)
 * pair has its own poller, so a slow render of one page never delays the first look at another; a stale answer is
 * a cache hit, so the polling itself costs the cluster little.
 */
export async function sightings(fronts: Front[], checks: PageCheck[], since: number, giveUpMs = 5000): Promise<Sighting[]> {
  const pairs = fronts.flatMap((front) => checks.map((check) => ({ front, check })));
  return Promise.all(
    pairs.map(async ({ front, check }): Promise<Sighting> => {
      let last = "not fetched";
      const seen: string[] = [];
      const note = (asked: number, what: string) => {
        if (what !== last) seen.push(`${asked - since} ms ${what}`);
        last = what;
      };
      while (Date.now() - since < giveUpMs) {
        const asked = Date.now();
        try {
          const answer = await get(front.url + check.path, 5000);
          if (check.ok(answer)) return { front: front.name, page: check.page, path: check.path, ms: asked - since, last: String(answer.status), seen: seen.join(", ") };
          note(asked, `${answer.status}${answer.location ? ` → ${answer.location}` : ""}${answer.cache ? ` (${answer.cache})` : ""}`);
        } catch (error) {
          note(asked, (error as Error).message);
        }
        // Ten looks a second per page and front: fine enough for a one-second bound, light enough for two cores.
        await sleep(100);
      }
      return { front: front.name, page: check.page, path: check.path, ms: null, last, seen: seen.join(", ") };
    }),
  );
}

/** Fails with every late or missing sighting named; `limitFor` gives each front its bound. */
export function assertWithin(results: Sighting[], limitFor: (front: string) => number): string {
  const late = results.filter((r) => r.ms === null || r.ms > limitFor(r.front));
  if (late.length) {
    const lines = late.map((r) => `${r.front} ${r.page} (${r.path}): ${r.ms === null ? "never" : `${r.ms} ms`} (bound ${limitFor(r.front)} ms; answered before: ${r.seen || "nothing"})`);
    throw new Error(`${late.length} of ${results.length} page views not updated in time:\n    ${lines.join("\n    ")}`);
  }
  if (process.env.CLUSTER_TRACE) for (const r of results) if (r.seen) console.log(`    ${r.front} ${r.page}: ${r.seen}, then passed at ${r.ms} ms`);
  const slowest = (front: string) => results.filter((r) => r.front === front).reduce((a, b) => ((b.ms ?? 0) > (a.ms ?? 0) ? b : a));
  const fronts = [...new Set(results.map((r) => r.front))];
  return `${results.length} page views; slowest ${fronts.map((front) => `${front} ${slowest(front).ms} ms (${slowest(front).page})`).join(", ")}`;
}

export const contains = (text: string) => (a: Answer) => a.status === 200 && a.body.includes(text);
/** Not on the page, or no page at all (a tag whose only live story went is a 404). */
export const lacks = (text: string) => (a: Answer) => a.status === 404 || (a.status === 200 && !a.body.includes(text));
export const gone = (a: Answer) => a.status === 404 || a.status === 410;
/**
 * A redirect to `path`. On the render that fills its cache entry Next.js 16 sends the (identical) Location header
 * twice, which fetch joins with ", " (e2e/reader.spec.ts checks the same on one instance): every value must name it.
 */
export const redirectsTo = (path: string) => (a: Answer) =>
  a.status >= 300 && a.status < 400 && !!a.location && a.location.split(/,\s*/).every((value) => new URL(value, "http://x").pathname === path);
