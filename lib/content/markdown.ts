// The one way from stored Markdown to reader HTML (the pipeline itself, remark → rehype-sanitize, is in
// markdown-worker.mjs).
//
// Parsing is expensive: a long story takes hundreds of milliseconds and a hostile one minutes (40 KB of `*_`), or
// overflows the stack (5,000 nested `>`). So:
// - bodies a parser would choke on (lib/content/markdown-limits.ts) are never parsed; they show as plain paragraphs;
// - the rest are parsed in a worker thread, off the event loop, and a render that runs past RENDER_TIMEOUT_MS is
//   stopped (the worker is replaced) and shows as plain paragraphs too;
// - each distinct body is rendered once and kept in an LRU keyed by its hash, shared by the article page and every
//   feed carrying the story (one cache per process, even across Next.js's separate route bundles).
import { createHash } from "node:crypto";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { LRUCache } from "lru-cache";
import { pathologicalMarkdown } from "./markdown-limits";

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: Heading[];
}

/** The longest one body may take to parse before it is shown as plain paragraphs instead. */
export const RENDER_TIMEOUT_MS = 15_000;

/** Extra time for the first render on a fresh worker, which loads the pipeline first. */
const WORKER_START_MS = 10_000;

/** How long a body that timed out or failed keeps its plain rendering before it is tried again. */
const FALLBACK_TTL_MS = 10 * 60_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A body shown without parsing: each block of text (between blank lines) as one escaped paragraph. */
export function renderPlainParagraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\r?\n/g, "<br>\n")}</p>`)
    .join("\n");
}

interface Job {
  id: number;
  markdown: string;
  timeoutMs: number;
  resolve: (result: RenderedBody | null) => void;
}

/** One worker thread, one render at a time, each under a hard time limit; a stuck or crashed worker is replaced. */
class RenderWorker {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  render(markdown: string, timeoutMs: number): Promise<RenderedBody | null> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, markdown, timeoutMs, resolve });
      this.pump();
    });
  }

  private spawn(): Worker {
    // Loaded by path rather than bundled, so the server needs the source tree (as it does for lib/cache/handler.mjs).
    const worker = new Worker(path.join(process.cwd(), "lib", "content", "markdown-worker.mjs"), {
      resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 8 },
    });
    worker.unref();
    worker.on("message", (message: { id: number; result?: RenderedBody; error?: string }) => {
      if (this.current?.job.id === message.id) this.finish(message.result ?? null);
    });
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.current) this.finish(null);
    };
    worker.on("error", (error) => {
      console.error("Markdown worker failed; the story shows as plain paragraphs:", error);
      lost();
    });
    worker.on("exit", lost);
    return worker;
  }

  private finish(result: RenderedBody | null) {
    const current = this.current!;
    clearTimeout(current.timer);
    this.current = null;
    current.job.resolve(result);
    this.pump();
  }

  private pump() {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const fresh = !this.worker;
    this.worker ??= this.spawn();
    const worker = this.worker;
    const timer = setTimeout(() => {
      // Past the limit: stop the runaway render by discarding its worker; the next job gets a fresh one.
      this.worker = null;
      void worker.terminate();
      this.finish(null);
    }, job.timeoutMs + (fresh ? WORKER_START_MS : 0));
    this.current = { job, timer };
    worker.postMessage({ id: job.id, markdown: job.markdown });
  }
}

interface RenderState {
  worker: RenderWorker;
  cache: LRUCache<string, RenderedBody>;
  pending: Map<string, Promise<RenderedBody>>;
  /** How many bodies went to the worker; for tests. */
  parsed: number;
}

const STATE_KEY = Symbol.for("breakingon.markdown-render");

function state(): RenderState {
  const global = globalThis as { [STATE_KEY]?: RenderState };
  global[STATE_KEY] ??= {
    worker: new RenderWorker(),
    // About 32 MB of HTML (UTF-16 code units): several hundred long stories.
    cache: new LRUCache<string, RenderedBody>({ maxSize: 16_000_000, sizeCalculation: (value) => Math.max(1, value.html.length) }),
    pending: new Map(),
    parsed: 0,
  };
  return global[STATE_KEY];
}

/** How many bodies have been parsed (not served from the cache) in this process. */
export function parsedBodyCount(): number {
  return state().parsed;
}

async function renderUncached(markdown: string, key: string, timeoutMs: number): Promise<RenderedBody> {
  const s = state();
  if (pathologicalMarkdown(markdown)) {
    const plain = { html: renderPlainParagraphs(markdown), headings: [] };
    s.cache.set(key, plain);
    return plain;
  }
  s.parsed++;
  const parsed = await s.worker.render(markdown, timeoutMs);
  if (parsed) {
    s.cache.set(key, parsed);
    return parsed;
  }
  const plain = { html: renderPlainParagraphs(markdown), headings: [] };
  s.cache.set(key, plain, { ttl: FALLBACK_TTL_MS });
  return plain;
}

/** A story body as sanitised HTML, with its h2/h3 headings for the table of contents. */
export function renderArticleBody(markdown: string, { timeoutMs = RENDER_TIMEOUT_MS } = {}): Promise<RenderedBody> {
  const s = state();
  const key = createHash("sha256").update(markdown).digest("base64url");
  const cached = s.cache.get(key);
  if (cached) return Promise.resolve(cached);
  let pending = s.pending.get(key);
  if (!pending) {
    pending = renderUncached(markdown, key, timeoutMs).finally(() => s.pending.delete(key));
    s.pending.set(key, pending);
  }
  return pending;
}

export async function renderMarkdown(markdown: string): Promise<string> {
  return (await renderArticleBody(markdown)).html;
}
