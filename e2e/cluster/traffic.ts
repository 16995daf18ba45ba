// Steady reader traffic through every front for the restart specs: every answer is kept with its time, so the spec
// can tell errors inside the restart window from errors outside it.
import { sleep } from "./processes";
import type { Front } from "./reader";

export interface Hit {
  front: string;
  path: string;
  /** When the request was sent, and when its answer (or failure) came. */
  at: number;
  end: number;
  /** 0 when the request failed without an answer. */
  status: number;
  error?: string;
}

export class Traffic {
  readonly results: Hit[] = [];
  private running = false;
  done: Promise<void> = Promise.resolve();

  constructor(
    private readonly fronts: Front[],
    private readonly paths: string[],
  ) {}

  start(): void {
    this.running = true;
    // One reader per front, each walking the pages with a short pause: bounded load, steady coverage.
    this.done = Promise.all(
      this.fronts.map(async (front) => {
        for (let i = 0; this.running; i++) {
          const path = this.paths[i % this.paths.length];
          const at = Date.now();
          try {
            const response = await fetch(front.url + path, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
            await response.arrayBuffer();
            this.results.push({ front: front.name, path, at, end: Date.now(), status: response.status });
          } catch (error) {
            this.results.push({ front: front.name, path, at, end: Date.now(), status: 0, error: (error as Error).message });
          }
          await sleep(25);
        }
      }),
    ).then(() => undefined);
  }

  stop(): void {
    this.running = false;
  }
}
