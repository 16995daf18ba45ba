import { describe, expect, it } from "vitest";
import { storyFieldsSchema } from "@/lib/validation/stories";
import { markdownNestingDepth, maxDelimiterRunsPerBlock, MAX_NESTING_DEPTH, pathologicalMarkdown } from "./markdown-limits";

describe("markdownNestingDepth", () => {
  it.each([
    ["Plain text.\n\nMore.", 0],
    ["> quoted", 1],
    ["> > > three", 3],
    [">>>>>", 5],
    ["- one\n  - two\n    - three", 3],
    ["1. one\n   1. two", 2],
    ["> - quoted list\n>   - nested", 3],
    ["- - - x", 3],
    ["-not a list\n*emphasis*\n1.5 million", 0],
    [Array.from({ length: 40 }, (_, i) => "  ".repeat(i) + "- x").join("\n"), 40],
  ])("%j nests %i deep", (markdown, depth) => {
    expect(markdownNestingDepth(markdown)).toBe(depth);
  });

  it("scans 5,000 nested quotes and 200,000 characters quickly, without recursion", () => {
    expect(markdownNestingDepth(">".repeat(5000))).toBe(5000);
    const started = performance.now();
    expect(markdownNestingDepth("> ".repeat(100_000))).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("the body field", () => {
  const fields = (body: string) => storyFieldsSchema.safeParse({ headline: "H", standfirst: "", body, slug: "" });

  it(`refuses quotes and lists nested more than ${MAX_NESTING_DEPTH} levels, with a message on the body`, () => {
    const result = fields(">".repeat(5000));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ["body"], message: expect.stringContaining(`nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`) }),
    ]);
    expect(fields(`${"> ".repeat(MAX_NESTING_DEPTH + 1)}x`).success).toBe(false);
  });

  it("accepts ordinary nesting", () => {
    expect(fields(`${"> ".repeat(MAX_NESTING_DEPTH)}x\n\n- a\n  - b\n    - c`).success).toBe(true);
  });
});

describe("pathologicalMarkdown", () => {
  it("flags very deep nesting and long delimiter runs in one block, and nothing ordinary", () => {
    expect(pathologicalMarkdown(">".repeat(5000))).toMatch(/nesting/);
    expect(pathologicalMarkdown("*_".repeat(20_000))).toMatch(/delimiter/);
    expect(pathologicalMarkdown("[".repeat(1000))).toMatch(/delimiter/);
    const story = "## Heading\n\nThe **council** met on _Friday_ to [vote](https://example.com).\n\n".repeat(2000);
    expect(pathologicalMarkdown(story)).toBeNull();
    expect(maxDelimiterRunsPerBlock(story)).toBe(6);
  });
});
