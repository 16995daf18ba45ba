import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SaveQueue, type SaveOutcome, type SaveState } from "./save-queue";

/** A server whose answers the test releases one by one, recording what each save carried. */
function fakeServer() {
  const sent: string[] = [];
  const pending: ((outcome: SaveOutcome) => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (snapshot: string) => {
    sent.push(snapshot);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<SaveOutcome>((resolve) =>
      pending.push((outcome) => {
        inFlight -= 1;
        resolve(outcome);
      }),
    );
  };
  return { sent, send, answer: (outcome: SaveOutcome = { ok: true, at: new Date().toISOString() }) => pending.shift()!(outcome), get maxInFlight() { return maxInFlight; }, get waiting() { return pending.length; } };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("SaveQueue", () => {
  let screen: string;
  let states: SaveState[];
  beforeEach(() => {
    screen = "v1";
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  function queue(server: ReturnType<typeof fakeServer>, autosave = false) {
    return new SaveQueue<string>({ read: () => screen, send: server.send, onState: (s) => states.push(s), autosave, autosaveDelayMs: 2000 });
  }

  it("never says saved for an older text: a change during a save keeps it dirty, and the next save carries it", async () => {
    const server = fakeServer();
    const q = queue(server);
    q.changed();
    const first = q.save("manual");
    await tick();
    expect(server.sent).toEqual(["v1"]);
    screen = "v2";
    q.changed();
    server.answer();
    expect(await first).toBe(true);
    expect(q.dirty).toBe(true);
    expect(q.current.kind).toBe("dirty");
    expect(states.some((s) => s.kind === "saved")).toBe(false);
    const second = q.save("manual");
    await tick();
    expect(server.sent).toEqual(["v1", "v2"]);
    server.answer();
    await second;
    expect(q.dirty).toBe(false);
    expect(q.current.kind).toBe("saved");
  });

  it("runs saves one at a time, each reading the screen when its turn comes", async () => {
    const server = fakeServer();
    const q = queue(server);
    q.changed();
    const saves = [q.save("manual"), q.save("manual"), q.save("manual")];
    screen = "v2";
    q.changed();
    for (let i = 0; i < 3; i += 1) {
      await tick();
      server.answer();
    }
    await Promise.all(saves);
    expect(server.maxInFlight).toBe(1);
    // The first save had not started when the screen changed, so every save carries the newest text.
    expect(server.sent).toEqual(["v2", "v2", "v2"]);
    expect(q.current.kind).toBe("saved");
  });

  it("autosaves a moment after the last change, and again after a save that a change overtook", async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const q = queue(server, true);
    q.changed();
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent).toEqual(["v1"]);
    screen = "v2";
    q.changed();
    server.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.current.kind).toBe("dirty");
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.sent).toEqual(["v1", "v2"]);
    server.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.current.kind).toBe("saved");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.sent).toHaveLength(2);
  });

  it("stops after a conflict, and keeps the changes dirty after an error", async () => {
    const server = fakeServer();
    const q = queue(server);
    q.changed();
    const failed = q.save("manual");
    await tick();
    server.answer({ ok: false, message: "Check the highlighted fields." });
    expect(await failed).toBe(false);
    expect(q.dirty).toBe(true);
    expect(q.current).toMatchObject({ kind: "error", message: "Check the highlighted fields." });
    const conflicted = q.save("manual");
    await tick();
    server.answer({ ok: false, conflict: true, message: "Someone else saved first." });
    expect(await conflicted).toBe(false);
    expect(await q.save("manual")).toBe(false);
    expect(server.sent).toHaveLength(2);
    expect(q.current.kind).toBe("conflict");
  });

  it("without autosave, a change waits for a manual save", async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const q = queue(server, false);
    q.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.sent).toEqual([]);
    expect(q.dirty).toBe(true);
  });

  it("resumes autosave after a conflict is resolved, and runs exclusive tasks between saves", async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const q = queue(server, true);
    screen = "v2";
    q.changed();
    await vi.advanceTimersByTimeAsync(2000);
    server.answer({ ok: false, conflict: true, message: "Someone else saved first." });
    await vi.advanceTimersByTimeAsync(0);
    expect(q.inConflict).toBe(true);
    screen = "v3";
    q.changed();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.sent).toEqual(["v2"]);
    q.resume();
    expect(q.inConflict).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.sent).toEqual(["v2", "v3"]);
    const order: string[] = [];
    const task = q.exclusive(async () => {
      order.push("task");
      return 7;
    });
    expect(q.busy).toBe(true);
    server.answer();
    expect(await task).toBe(7);
    expect(order).toEqual(["task"]);
    expect(q.current.kind).toBe("saved");
  });
});
