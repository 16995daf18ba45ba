import { beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { createStory } = await import("./stories");
const { beat, heartbeat, leaveStory, TYPING_WINDOW_MS } = await import("./presence");

describeEachEngine("presence: who has a story open and who is typing", (database) => {
  const ids = { ana: "", ben: "", otto: "", story: "" };

  beforeAll(async () => {
    const { db } = database();
    const make = (email: string, role: "EDITOR" | "WRITER") => db.user.create({ data: { email, name: email.split("@")[0]!, role, passwordHash: "x" }, select: { id: true } });
    ids.ana = (await make("ana@news.test", "EDITOR")).id;
    ids.ben = (await make("ben@news.test", "EDITOR")).id;
    ids.otto = (await make("otto@news.test", "WRITER")).id;
    session.userId = ids.ana;
    ids.story = (await createStory({ headline: "Two Editors" })).id;
  });

  it("says who is typing now and who only has the story open", async () => {
    const now = new Date();
    session.userId = ids.ana;
    expect(await beat(ids.story, { typing: true, now })).toEqual({ version: 1, others: [] });
    session.userId = ids.ben;
    expect(await heartbeat(ids.story, { now })).toEqual([{ name: "ana", lastSeenAt: now, typing: true }]);
    // A plain heartbeat later keeps Ana present, and her keystroke ages out of "typing".
    const later = new Date(now.getTime() + TYPING_WINDOW_MS + 1000);
    session.userId = ids.ana;
    await beat(ids.story, { now: later });
    session.userId = ids.ben;
    expect(await heartbeat(ids.story, { now: later })).toEqual([{ name: "ana", lastSeenAt: later, typing: false }]);
    session.userId = ids.ana;
    await leaveStory(ids.story);
    session.userId = ids.ben;
    expect(await heartbeat(ids.story, { now: later })).toEqual([]);
  });

  it("tells nothing about a story the user may not see, and nothing to nobody", async () => {
    session.userId = ids.otto;
    expect(await beat(ids.story, { typing: true })).toBeNull();
    session.userId = ids.ben;
    expect((await heartbeat(ids.story))!.map((p) => p.name)).toEqual([]);
    session.userId = null;
    await expect(beat(ids.story)).rejects.toMatchObject({ name: "UnauthorizedError" });
  });
});
