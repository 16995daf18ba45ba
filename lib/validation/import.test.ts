import { describe, expect, it } from "vitest";
import { importDraftSchema, importPasteSchema } from "./import";

describe("import schemas", () => {
  it("a paste needs no HTML, and too large a paste is refused", () => {
    expect(importPasteSchema.parse({ text: "Port Reopens" })).toEqual({ text: "Port Reopens", html: "" });
    expect(importPasteSchema.safeParse({ text: "x".repeat(400_001) }).success).toBe(false);
  });

  it("a draft needs a headline and a body a story may hold", () => {
    const ok = importDraftSchema.safeParse({ headline: " Port Reopens ", standfirst: "", body: "Text.\n", format: "html", origin: "word" });
    expect(ok.success && ok.data).toEqual({ headline: "Port Reopens", standfirst: "", body: "Text.\n", format: "html", origin: "word" });
    const missing = importDraftSchema.safeParse({ headline: " ", standfirst: "", body: "" });
    expect(missing.error?.issues.map((issue) => issue.message)).toEqual(["Enter a headline."]);
    const deep = importDraftSchema.safeParse({ headline: "Deep", standfirst: "", body: `${">".repeat(20)} quoted\n` });
    expect(deep.error?.issues[0].message).toMatch(/nested too deeply/);
    const runs = importDraftSchema.safeParse({ headline: "Runs", standfirst: "", body: "*_".repeat(500) });
    expect(runs.error?.issues[0].message).toMatch(/too much formatting/);
  });

  it("an unknown format or origin falls back rather than failing", () => {
    const parsed = importDraftSchema.parse({ headline: "H", standfirst: "", body: "", format: "pdf", origin: "<script>" });
    expect(parsed).toMatchObject({ format: "plain", origin: "" });
  });
});
