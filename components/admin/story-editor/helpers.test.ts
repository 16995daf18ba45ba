import { describe, expect, it } from "vitest";
import { paragraphsOf, parseTags, toEditorFields } from "./fields";
import { presenceText } from "./use-presence";
import { validateFields } from "./validate";
import { storyFieldsSchema } from "@/lib/validation/stories";

const fields = () => toEditorFields(storyFieldsSchema.parse({ headline: "A headline", standfirst: "", body: "One.\n\nTwo.", slug: "" }));

describe("editor helpers", () => {
  it("says who is typing and who only has the story open", () => {
    expect(presenceText([])).toBeNull();
    expect(presenceText([{ name: "Ana", lastSeenAt: "", typing: true }])).toBe("Ana is typing…");
    expect(presenceText([{ name: "Ana", lastSeenAt: "", typing: false }])).toBe("Ana has this story open");
    expect(
      presenceText([
        { name: "Ana", lastSeenAt: "", typing: true },
        { name: "Ben", lastSeenAt: "", typing: true },
        { name: "Cy", lastSeenAt: "", typing: false },
      ]),
    ).toBe("Ana and Ben are typing… · Cy has this story open");
  });

  it("checks the fields with the save action's own schema", () => {
    expect(validateFields(fields())).toEqual({});
    expect(validateFields({ ...fields(), headline: "x".repeat(301), slug: "Not A Slug", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toEqual({
      headline: ["Keep the headline under 300 characters."],
      slug: ["Use lower-case letters, digits and single hyphens, e.g. storm-hits-coast."],
      tags: ["Use at most 20 tags."],
    });
  });

  it("splits the body into paragraphs and tags into a list", () => {
    expect(paragraphsOf("One.\n\n  Two.\n\n\n\nThree.\n")).toEqual(["One.", "Two.", "Three."]);
    expect(parseTags(" Storm, storm ,, Coast ")).toEqual(["Storm", "Coast"]);
  });
});
