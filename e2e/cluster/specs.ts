// The assertions of issue #9 §7, in the order they run against one cluster. Each is one line of the report.
import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import sharp from "sharp";
import { hash } from "@node-rs/argon2";
import type { Cluster, Instance } from "./harness";
import { addCorrection, attemptSignIn, BYLINE_SLUG, callAction, createDraft, expectOk, SECTION_SLUG, saveStory, signInOn, transitionStory, type Story } from "./newsroom";
import { assertWithin, contains, get, gone, lacks, prime, redirectsTo, sightings, type PageCheck } from "./reader";
import { sleep } from "./processes";
import { Traffic, type Hit } from "./traffic";

/**
 * The issue's bound: a change made through A is visible on B, C and nginx within a second (deploy/nginx.conf bounds
 * each micro-cached copy to its clock second, so the front adds no second of its own).
 */
export const VISIBLE_WITHIN_MS = 1000;
const boundFor = () => VISIBLE_WITHIN_MS;

export interface SpecContext {
  cluster: Cluster;
  browser: Browser;
  run: string;
  log: (line: string) => void;
  /** The editor, signed in through instance A (set by the first spec). */
  editor?: BrowserContext;
  /** The story the propagation specs carry through its life. */
  story?: Story;
  tag: { name: string; slug: string };
}

export interface Spec {
  name: string;
  timeoutMs: number;
  run: (context: SpecContext) => Promise<string | void>;
}

function editorOf(context: SpecContext): { editor: BrowserContext; request: APIRequestContext } {
  if (!context.editor) throw new Error("no signed-in editor (the sign-in spec failed)");
  return { editor: context.editor, request: context.editor.request };
}

function storyOf(context: SpecContext): Story {
  if (!context.story) throw new Error("no published story (the publish spec failed)");
  return context.story;
}

/** The reader pages a story of the test's section, tag and byline appears on. */
function listingPaths(context: SpecContext) {
  return {
    home: "/",
    section: `/sections/${SECTION_SLUG}`,
    tag: `/tags/${context.tag.slug}`,
    author: `/authors/${BYLINE_SLUG}`,
    "site RSS": "/feeds/rss.xml",
    "site Atom": "/feeds/atom.xml",
    "section feed": `/feeds/sections/${SECTION_SLUG}/rss.xml`,
    "author feed": `/feeds/authors/${BYLINE_SLUG}/atom.xml`,
  };
}
const SITEMAPS = { sitemap: "/sitemaps/articles-1.xml", "news sitemap": "/news-sitemap.xml" };

function allPaths(context: SpecContext, slugs: string[]): string[] {
  return [...slugs.map((slug) => `/articles/${slug}`), ...Object.values(listingPaths(context)), ...Object.values(SITEMAPS)];
}

/** Primes every front, makes the write, then waits for every page on every front to show it. */
async function visibleEverywhere(context: SpecContext, primeSlugs: string[], write: () => Promise<void>, checks: PageCheck[]): Promise<string> {
  // The writer's own instance is not the question: the others and the front are.
  const fronts = context.cluster.fronts.filter((front) => front.name !== "A");
  await prime(fronts, [...new Set([...allPaths(context, primeSlugs), ...checks.map((c) => c.path)])]);
  await write();
  const since = Date.now();
  return assertWithin(await sightings(fronts, checks, since), boundFor);
}

const listingChecks = (context: SpecContext, ok: (text: string) => PageCheck["ok"], text: string): PageCheck[] =>
  Object.entries(listingPaths(context)).map(([page, path]) => ({ page, path, ok: ok(text) }));

export const SPECS: Spec[] = [
  {
    name: "a signed-in editor can hop between instances (session cookie from A works on B and C)",
    timeoutMs: 60_000,
    async run(context) {
      const { cluster } = context;
      context.editor = await signInOn(context.browser, cluster.a.url);
      const page = await context.editor.newPage();
      try {
        for (const instance of [cluster.b, cluster.c, cluster.a]) {
          const response = await page.goto(`${instance.url}/admin`);
          expect(response?.status(), `newsroom on ${instance.name}`).toBe(200);
          await expect(page.getByRole("navigation", { name: "Newsroom" }), `signed in on ${instance.name}`).toBeVisible();
        }
        // And back through nginx, which must pass the session along uncached.
        const response = await page.goto(`${cluster.nginx.url}/admin`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
      } finally {
        await page.close();
      }
    },
  },
  {
    name: "publish through A is visible through B, C and nginx within 1 s (article, home, section, tag, author, feeds, sitemaps)",
    timeoutMs: 90_000,
    async run(context) {
      const { cluster, run } = context;
      const { request } = editorOf(context);
      const draft = await createDraft(cluster.db, `cluster-story-${run}`, `Cluster Story ${run} Goes Live`, context.tag.name);
      const checks: PageCheck[] = [
        { page: "article", path: `/articles/${draft.slug}`, ok: contains(draft.headline) },
        ...listingChecks(context, contains, draft.headline),
        ...Object.entries(SITEMAPS).map(([page, path]) => ({ page, path, ok: contains(`/articles/${draft.slug}`) })),
      ];
      return visibleEverywhere(context, [draft.slug], async () => {
        context.story = await transitionStory(cluster, request, cluster.a.url, draft, "PUBLISHED");
      }, checks);
    },
  },
  {
    name: "a substantive update through A is visible through B, C and nginx within 1 s",
    timeoutMs: 90_000,
    async run(context) {
      const { cluster, run } = context;
      const { request } = editorOf(context);
      const story = storyOf(context);
      const headline = `Cluster Story ${run} Takes A New Turn`;
      const marker = `Updated paragraph ${run} with the turn of events.`;
      const checks: PageCheck[] = [
        { page: "article", path: `/articles/${story.slug}`, ok: contains(marker) },
        ...listingChecks(context, contains, headline),
        { page: "news sitemap", path: SITEMAPS["news sitemap"], ok: contains(headline) },
      ];
      return visibleEverywhere(context, [story.slug], async () => {
        context.story = await saveStory(cluster, request, cluster.a.url, story, { headline, body: `${story.body}\n${marker}\n`, substantive: true });
      }, checks);
    },
  },
  {
    name: "a correction through A is visible through B, C and nginx within 1 s",
    timeoutMs: 60_000,
    async run(context) {
      const { cluster, run } = context;
      const { request } = editorOf(context);
      const story = storyOf(context);
      const note = `An earlier version of this story misstated the ferry count ${run}.`;
      const checks: PageCheck[] = [{ page: "article", path: `/articles/${story.slug}`, ok: contains(note) }];
      return visibleEverywhere(context, [story.slug], async () => {
        context.story = await addCorrection(cluster, request, cluster.a.url, story, note);
      }, checks);
    },
  },
  {
    name: "a live coverage entry posted through A is on B, C and nginx within 1 s (the polled live endpoint and the page), and so is the coverage's end",
    timeoutMs: 90_000,
    async run(context) {
      const { cluster, run } = context;
      const { request } = editorOf(context);
      const draft = await createDraft(cluster.db, `cluster-live-${run}`, `Cluster Live ${run}: The Storm`, context.tag.name);
      const page = `/admin/stories/${draft.id}`;
      const live = await transitionStory(cluster, request, cluster.a.url, draft, "PUBLISHED");
      for (const step of ["enable", "start"] as const) expectOk(await callAction(cluster, request, cluster.a.url, page, "changeCoverageAction", { articleId: live.id, step }), `coverage ${step}`);
      const title = `Winds reach 120 km/h ${run}`;
      const endpoint = `/live/${live.id}`;
      const posted = await visibleEverywhere(context, [live.slug], async () => {
        const answer = await callAction(cluster, request, cluster.a.url, `${page}/live`, "postLiveEntryAction", { articleId: live.id, fields: { title, body: "Gusts brought down trees along the promenade." } });
        expectOk(answer, "live entry");
      }, [
        { page: "live endpoint", path: endpoint, ok: (a) => a.status === 200 && JSON.parse(a.body).latest.length === 1 },
        { page: "live page", path: `/articles/${live.slug}`, ok: contains(title) },
      ]);
      const ended = await visibleEverywhere(context, [live.slug], async () => {
        expectOk(await callAction(cluster, request, cluster.a.url, page, "changeCoverageAction", { articleId: live.id, step: "end" }), "coverage end");
      }, [
        { page: "live endpoint", path: endpoint, ok: (a) => a.status === 200 && JSON.parse(a.body).open === false },
        { page: "live page", path: `/articles/${live.slug}`, ok: contains("Coverage has ended") },
      ]);
      await transitionStory(cluster, request, cluster.a.url, { ...live, version: (await cluster.db.article.findUniqueOrThrow({ where: { id: live.id }, select: { version: true } })).version }, "ARCHIVED");
      return `entry: ${posted}; end: ${ended}`;
    },
  },
  {
    name: "a slug change through A is visible through B, C and nginx within 1 s (new address, old one redirects, listings link the new)",
    timeoutMs: 90_000,
    async run(context) {
      const { cluster, run } = context;
      const { request } = editorOf(context);
      const story = storyOf(context);
      const oldSlug = story.slug;
      // Its own new address on each try: a second try (CI) starts from the address the first one moved it to.
      const newSlug = `moved-cluster-story-${run}-${Date.now().toString(36)}`;
      const linksNewOnly = (a: { status: number; body: string }) => a.status === 200 && a.body.includes(`/articles/${newSlug}`) && !a.body.includes(`/articles/${oldSlug}`);
      const checks: PageCheck[] = [
        { page: "article (new slug)", path: `/articles/${newSlug}`, ok: contains(story.headline) },
        { page: "article (old slug)", path: `/articles/${oldSlug}`, ok: redirectsTo(`/articles/${newSlug}`) },
        ...Object.entries({ ...listingPaths(context), ...SITEMAPS }).map(([page, path]) => ({ page, path, ok: linksNewOnly })),
      ];
      return visibleEverywhere(context, [oldSlug, newSlug], async () => {
        context.story = await saveStory(cluster, request, cluster.a.url, story, { slug: newSlug });
      }, checks);
    },
  },
  {
    name: "unpublishing through A is visible through B, C and nginx within 1 s (gone from every page, feed and sitemap)",
    timeoutMs: 90_000,
    async run(context) {
      const { cluster } = context;
      const { request } = editorOf(context);
      const story = storyOf(context);
      const checks: PageCheck[] = [
        { page: "article", path: `/articles/${story.slug}`, ok: gone },
        ...listingChecks(context, lacks, story.headline),
        ...Object.entries(SITEMAPS).map(([page, path]) => ({ page, path, ok: lacks(`/articles/${story.slug}`) })),
      ];
      return visibleEverywhere(context, [story.slug], async () => {
        context.story = await transitionStory(cluster, request, cluster.a.url, story, "ARCHIVED");
      }, checks);
    },
  },
  {
    name: "an image uploaded through A is served by B, C and nginx",
    timeoutMs: 60_000,
    async run(context) {
      const { cluster, run } = context;
      const { editor } = editorOf(context);
      const name = `cluster-${run}.png`;
      const buffer = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 200, g: 60, b: 40 } } }).png().toBuffer();
      const page = await editor.newPage();
      try {
        await page.goto(`${cluster.a.url}/admin/media`);
        await page.getByLabel("Image file").setInputFiles({ name, mimeType: "image/png", buffer });
        await page.getByLabel("Alt text (optional now)").fill("A red card for the cluster test");
        await page.getByRole("button", { name: "Upload image" }).click();
        await expect(page.getByRole("main").getByRole("status")).toContainText(`Uploaded ${name}.`, { timeout: 20_000 });
      } finally {
        await page.close();
      }
      const media = await cluster.db.media.findFirstOrThrow({ where: { originalName: name }, select: { storageKey: true } });
      const bodies: string[] = [];
      for (const front of [...cluster.fronts.filter((f) => f.name !== "A"), { name: "A", url: cluster.a.url }]) {
        const response = await fetch(`${front.url}/media/${media.storageKey}`);
        expect(response.status, `/media/${media.storageKey} on ${front.name}`).toBe(200);
        expect(response.headers.get("content-type"), `content type on ${front.name}`).toMatch(/^image\//);
        bodies.push(Buffer.from(await response.arrayBuffer()).toString("base64"));
      }
      expect(new Set(bodies).size, "every front serves the same bytes").toBe(1);
      return `${media.storageKey} served by ${cluster.fronts.map((f) => f.name).join(", ")}`;
    },
  },
  {
    name: "a server action rendered by A and posted to B works (the editor's Publish button)",
    timeoutMs: 60_000,
    async run(context) {
      const { cluster, run } = context;
      const { editor } = editorOf(context);
      const draft = await createDraft(cluster.db, `cluster-hop-${run}`, `Cluster Hop ${run}`, context.tag.name);
      const page = await editor.newPage();
      const forwarded: number[] = [];
      try {
        await page.goto(`${cluster.a.url}/admin/stories/${draft.id}`);
        await expect(page.getByTestId("story-status")).toHaveText("Draft");
        // Every server action the page posts goes to B instead, as a load balancer might send it.
        await page.route(`${cluster.a.url}/**`, async (route) => {
          const request = route.request();
          if (request.method() !== "POST" || !(await request.headerValue("next-action"))) return route.continue();
          const headers: Record<string, string> = { ...(await request.allHeaders()), origin: cluster.b.url };
          delete headers.host;
          const response = await route.fetch({ url: request.url().replace(cluster.a.url, cluster.b.url), headers });
          forwarded.push(response.status());
          await route.fulfill({ response });
        });
        await page.getByRole("button", { name: "Publish now" }).click();
        await expect(page.getByTestId("story-status")).toHaveText("Published", { timeout: 15_000 });
      } finally {
        await page.close();
      }
      expect(forwarded.length, "the Publish action went to B").toBeGreaterThan(0);
      expect(forwarded.every((status) => status === 200), `B's answers: ${forwarded.join(", ")}`).toBe(true);
      const row = await cluster.db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } });
      expect(row.status).toBe("PUBLISHED");
      return `${forwarded.length} action post(s) answered by B`;
    },
  },
  {
    name: "login throttling counts across instances (wrong passwords on A, B, C throttled as one)",
    timeoutMs: 90_000,
    async run(context) {
      const { cluster } = context;
      const account = { email: `cluster-throttle-${context.run}@breakingon.test`, password: "lanterns hang over the harbour" };
      await cluster.db.user.create({ data: { email: account.email, name: "Tess Throttle", role: "WRITER", passwordHash: await hash(account.password) } });
      const browserContext = await context.browser.newContext();
      const page = await browserContext.newPage();
      const order = [cluster.a, cluster.b, cluster.c, cluster.a, cluster.b];
      const answers: string[] = [];
      try {
        for (const [i, instance] of order.entries()) {
          answers.push(`${instance.name}: ${await attemptSignIn(page, instance.url, account.email, `wrong guess ${i}`)}`);
        }
        answers.push(`C (right password): ${await attemptSignIn(page, cluster.c.url, account.email, account.password)}`);
      } finally {
        await browserContext.close();
      }
      const incorrect = "The email or password is incorrect.";
      expect(answers.slice(0, 4), answers.join(" | ")).toEqual(["A", "B", "C", "A"].map((n) => `${n}: ${incorrect}`));
      expect(answers[4], answers.join(" | ")).toMatch(/^B: Too many sign-in attempts\. Try again in /);
      expect(answers[5], answers.join(" | ")).toMatch(/^C \(right password\): Too many sign-in attempts\./);
    },
  },
  {
    name: "50 stories scheduled for the same second are each published exactly once (one revision, one audit entry each)",
    timeoutMs: 120_000,
    run: (context) => scheduleFifty(context, "batch", null),
  },
  {
    name: "50 stories scheduled for the same second are each published exactly once when instance C is killed (SIGKILL) mid-run",
    timeoutMs: 180_000,
    run: (context) => scheduleFifty(context, "killed", context.cluster.c),
  },
  {
    name: "Redis restarted mid-traffic: no 5xx beyond the restart window, nothing stale after",
    timeoutMs: 120_000,
    async run(context) {
      const { redis } = context.cluster;
      return restartMidTraffic(context, "redis", () => redis.stop("SIGKILL"), () => redis.start());
    },
  },
  {
    name: "PostgreSQL restarted mid-traffic: no 5xx beyond the restart window, nothing stale after",
    timeoutMs: 150_000,
    async run(context) {
      const { postgres } = context.cluster;
      return restartMidTraffic(context, "postgres", () => postgres.stop(), () => postgres.start());
    },
  },
];

/**
 * Schedules 50 drafts for one second through the newsroom's Schedule action (spread over A, B and C), waits for the
 * cluster's scheduler to publish them, optionally kills an instance the moment the first one goes live, and then
 * counts in the database: every story published, one publishing revision and one publishing audit entry each, no
 * failure recorded by a worker that lost a race.
 */
async function scheduleFifty(context: SpecContext, label: string, victim: Instance | null): Promise<string> {
  const { cluster, run } = context;
  const { request } = editorOf(context);
  const count = 50;
  const drafts: Story[] = [];
  for (let i = 0; i < count; i++) drafts.push(await createDraft(cluster.db, `cluster-${label}-${run}-${i}`, `Cluster ${label} ${run} number ${i}`, context.tag.name));
  // Whole seconds, far enough ahead for 50 schedule calls on a busy two-core machine.
  const dueAt = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
  const started = Date.now();
  const instances = cluster.instances;
  const queue = drafts.map((draft, i) => ({ draft, instance: instances[i % instances.length] }));
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await transitionStory(cluster, request, job.instance.url, job.draft, "SCHEDULED", dueAt);
    }),
  );
  const ids = drafts.map((d) => d.id);
  if (Date.now() >= dueAt.getTime() - 500) throw new Error(`scheduling 50 stories took ${Date.now() - started} ms: too slow to test one due second`);
  context.log(`  50 stories scheduled in ${Date.now() - started} ms for ${dueAt.toISOString()}`);

  const published = () => cluster.db.article.count({ where: { id: { in: ids }, status: "PUBLISHED" } });
  let killedAfter: number | null = null;
  if (victim) {
    while (Date.now() < dueAt.getTime() + 10_000) {
      const done = await published();
      if (done > 0) {
        await victim.kill();
        killedAfter = done;
        context.log(`  killed ${victim.name} (SIGKILL) with ${done} of ${count} published`);
        break;
      }
      await sleep(10);
    }
    if (killedAfter === null) throw new Error("nothing was published within 10 s of the due time; no instance killed");
  }
  const deadline = dueAt.getTime() + 30_000;
  let done = 0;
  while (Date.now() < deadline && (done = await published()) < count) await sleep(200);
  const finishedAt = Date.now();
  // Let any late duplicate (a second worker that also thought it won) land before counting.
  await sleep(2000);
  if (victim) {
    await victim.start();
    context.log(`  ${victim.name} restarted`);
  }

  const [revisions, audits] = await Promise.all([
    cluster.db.revision.groupBy({ by: ["articleId"], where: { articleId: { in: ids }, status: "PUBLISHED" }, _count: { _all: true } }),
    cluster.db.auditLog.findMany({ where: { entityType: "Article", entityId: { in: ids }, action: { startsWith: "article.publish" } }, select: { entityId: true, action: true } }),
  ]);
  const problems: string[] = [];
  if (done < count) problems.push(`${count - done} of ${count} never published within 30 s of the due time`);
  const revisionCount = new Map(revisions.map((r) => [r.articleId, r._count._all]));
  const wrongRevisions = ids.filter((id) => revisionCount.get(id) !== 1);
  if (wrongRevisions.length) problems.push(`${wrongRevisions.length} stories without exactly one publishing revision (counts: ${wrongRevisions.slice(0, 5).map((id) => revisionCount.get(id) ?? 0).join(", ")}…)`);
  const failures = audits.filter((a) => /fail|retry/.test(a.action));
  if (failures.length) problems.push(`${failures.length} publishing failures recorded (${[...new Set(failures.map((a) => a.action))].join(", ")})`);
  const auditCount = new Map<string, number>();
  for (const audit of audits.filter((a) => !/fail|retry/.test(a.action))) auditCount.set(audit.entityId!, (auditCount.get(audit.entityId!) ?? 0) + 1);
  const wrongAudits = ids.filter((id) => auditCount.get(id) !== 1);
  if (wrongAudits.length) problems.push(`${wrongAudits.length} stories without exactly one publishing audit entry (counts: ${wrongAudits.slice(0, 5).map((id) => auditCount.get(id) ?? 0).join(", ")}…)`);
  if (problems.length) throw new Error(problems.join("; "));
  return `all ${count} published ${finishedAt - dueAt.getTime()} ms after the due second${killedAfter !== null ? `; ${victim!.name} killed after ${killedAfter} had gone live` : ""}`;
}

/**
 * Reader traffic through every front while a service goes down and comes back: no 5xx outside the restart window
 * (from the stop until a grace period after the service answers again), then an edit through A is visible
 * everywhere within the usual second, and every front shows what the database says.
 */
async function restartMidTraffic(context: SpecContext, service: string, stop: () => Promise<void>, start: () => Promise<void>): Promise<string> {
  const { cluster, run } = context;
  const { request } = editorOf(context);
  let story = await createDraft(cluster.db, `cluster-${service}-${run}`, `Cluster ${service} ${run} Before`, context.tag.name);
  story = await transitionStory(cluster, request, cluster.a.url, story, "PUBLISHED");
  const paths = [`/articles/${story.slug}`, "/", `/sections/${SECTION_SLUG}`, `/tags/${context.tag.slug}`, "/feeds/rss.xml", "/news-sitemap.xml"];
  const traffic = new Traffic(cluster.fronts, paths);
  traffic.start();
  await sleep(2000);
  const downAt = Date.now();
  await stop();
  await sleep(3000);
  await start();
  const upAt = Date.now();
  // Reconnecting clients (Prisma's pool, the Redis client's backoff) get this long after the service is back.
  const graceMs = 5000;
  await sleep(graceMs + 2000);
  traffic.stop();
  await traffic.done;
  // A request counts as inside the window when it was still waiting for its answer at the stop, or was sent before
  // the grace period after the restart ended.
  const inWindow = (r: Hit) => r.end >= downAt && r.at <= upAt + graceMs;
  const outside = traffic.results.filter((r) => r.status >= 500 && !inWindow(r));
  const inside = traffic.results.filter((r) => r.status >= 500 && inWindow(r));
  const errorsAfter = traffic.results.filter((r) => r.status === 0 && !inWindow(r));
  const summary = `${traffic.results.length} requests, ${inside.length} 5xx inside the ${((upAt + graceMs - downAt) / 1000).toFixed(1)} s window`;
  if (outside.length || errorsAfter.length) {
    const sample = [...outside, ...errorsAfter].slice(0, 8).map((r) => `${r.front} ${r.path} ${r.status || r.error} at ${r.at - downAt} ms`);
    throw new Error(`${outside.length} 5xx and ${errorsAfter.length} failed requests outside the restart window (${summary}):\n    ${sample.join("\n    ")}`);
  }

  // Nothing stale after: an edit through A shows everywhere within the usual bound.
  const headline = `Cluster ${service} ${run} After`;
  const checks: PageCheck[] = [
    { page: "article", path: `/articles/${story.slug}`, ok: contains(headline) },
    ...listingChecks(context, contains, headline),
  ];
  const seen = await visibleEverywhere(context, [story.slug], async () => {
    story = await saveStory(cluster, request, cluster.a.url, story, { headline, substantive: true });
  }, checks);
  // And every front agrees with the database once more, past any micro-cache.
  await sleep(1100);
  for (const front of cluster.fronts) {
    const answer = await get(`${front.url}/articles/${story.slug}`);
    expect(answer.body.includes(headline), `${front.name} shows the database's headline`).toBe(true);
  }
  return `${summary}; after: ${seen}`;
}
