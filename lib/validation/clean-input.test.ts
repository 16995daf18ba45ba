import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runAction } from "@/lib/actions/result";
import { cleanInput, cleanText } from "./clean-input";

describe("cleanText", () => {
  it.each([
    ["NUL", "a\u0000b", "ab"],
    ["bell and escape", "a\u0007\u001bb", "ab"],
    ["DEL", "a\u007fb", "ab"],
    ["vertical tab from a word processor", "line one\u000bline two", "line one\nline two"],
    ["form feed", "page\u000cbreak", "page\nbreak"],
    ["lone high surrogate", "a\ud800b", "a\ufffdb"],
    ["lone low surrogate", "a\udc00b", "a\ufffdb"],
  ])("removes %s", (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it("keeps tabs, line breaks, emoji, right-to-left text and zero-width joiners", () => {
    const text = "col\tcol\r\nnext line 👩‍💻 \u202bשלום\u202c café";
    expect(cleanText(text)).toBe(text);
  });
});

describe("cleanInput", () => {
  it("cleans strings inside objects and arrays and leaves files and numbers alone", () => {
    const file = new File(["x"], "a.png");
    expect(cleanInput({ name: "a\u0000", tags: ["b\u0001", "c"], count: 3, file, nested: { note: "\ud83d" } })).toEqual({
      name: "a",
      tags: ["b", "c"],
      count: 3,
      file,
      nested: { note: "\ufffd" },
    });
  });

  it("is applied by every server action before its schema runs", async () => {
    let stored: string | undefined;
    const state = await runAction(z.object({ name: z.string().min(1, "Enter a name.") }), { name: "Desk\u0000\u0000" }, async ({ name }) => {
      stored = name;
      return { message: "ok" };
    });
    expect(state).toMatchObject({ ok: true });
    expect(stored).toBe("Desk");
    const refused = await runAction(z.object({ name: z.string().min(1, "Enter a name.") }), { name: "\u0000" }, async () => ({ message: "ran" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { name: ["Enter a name."] } });
  });
});

describe("field errors", () => {
  it("are keyed by the field they are about, also when the field is nested or a list", async () => {
    const schema = z.object({ id: z.string(), fields: z.object({ headline: z.string().max(3, "Too long."), tags: z.array(z.string().max(2, "Tag too long.")) }) });
    const state = await runAction(schema, { id: "a", fields: { headline: "abcd", tags: ["ok", "long"] } }, async () => ({ message: "ran" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { headline: ["Too long."], tags: ["Tag too long."] } });
  });
});
