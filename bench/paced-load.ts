// Readers arriving at a steady average rate, as a busy site's readers do: each request starts at its own moment
// (Poisson arrivals: independent, at a fixed mean rate), whether or not earlier ones have been answered. autocannon's
// `overallRate` instead sends each second's quota back to back at the top of the second and then waits, so "half the
// server's capacity" becomes "full load for half of every second", and anything measured beside it sees saturation.
// Runs in a worker thread, so the load does not share an event loop with whatever the bench is timing beside it.
import { Worker } from "node:worker_threads";
import { percentile } from "./stats";

export interface PacedResult {
  /** Requests answered per second. */
  rps: number;
  p50: number;
  p99: number;
  /** Failed requests and answers other than 2xx. */
  errors: number;
}

// Plain JavaScript for the worker (no TypeScript loader there). Keep-alive sockets, at most 64 requests in flight.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { base, paths, rate, seconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const times = [];
let errors = 0;
let inFlight = 0;
let n = 0;
const started = performance.now();
const end = started + seconds * 1000;
function one() {
  const path = paths[n++ % paths.length];
  const t0 = performance.now();
  inFlight++;
  const req = http.get(base + path, { agent }, (res) => {
    res.resume();
    res.on("end", () => {
      inFlight--;
      if (res.statusCode < 200 || res.statusCode >= 300) errors++;
      times.push(performance.now() - t0);
    });
  });
  req.on("error", () => { inFlight--; errors++; });
}
// The next arrival after an exponentially distributed gap (mean 1/rate s); late timers catch up, never skip.
let next = started;
function tick() {
  const now = performance.now();
  while (next <= now && now < end) {
    if (inFlight < 64) one(); else errors++;
    next += (-Math.log(1 - Math.random()) * 1000) / rate;
  }
  if (now < end) setTimeout(tick, Math.max(0, Math.min(5, next - now)));
  else {
    const wait = () => (inFlight > 0 && performance.now() < end + 10000 ? setTimeout(wait, 20) : (agent.destroy(), parentPort.postMessage({ times, errors, elapsed: (performance.now() - started) / 1000 })));
    wait();
  }
}
tick();
`;

/** Loads `paths` (in turn) on `base` at `rate` requests per second on average for `seconds`. */
export function pacedLoad(base: string, paths: string[], rate: number, seconds: number): Promise<PacedResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { base, paths, rate, seconds } });
    worker.once("error", reject);
    worker.once("message", ({ times, errors, elapsed }: { times: number[]; errors: number; elapsed: number }) => {
      void worker.terminate();
      resolve({ rps: Math.round(times.length / Math.max(elapsed, seconds)), p50: percentile(times, 50), p99: percentile(times, 99), errors });
    });
  });
}
