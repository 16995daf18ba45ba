import { expect, it } from "vitest";
import { imagesWithoutAlt, publishProblems } from "./publish-checks";

it("finds body images without alt text", () => {
  expect(imagesWithoutAlt("![](/media/a) and ![A boat](/media/b) and ![ ](/media/c \"t\")")).toEqual(["/media/a", "/media/c"]);
});

it("lists every reason a story cannot go live, and none for a complete one", () => {
  expect(publishProblems({ headline: " ", body: "", bylineCount: 0, heroProblem: "Add alt text before using this image in a published story." })).toEqual({
    headline: ["Add a headline before publishing."],
    body: ["Write the story before publishing."],
    bylineIds: ["Add at least one byline before publishing."],
    heroMediaId: ["Add alt text before using this image in a published story."],
  });
  expect(publishProblems({ headline: "H", body: "Text ![](/media/x)", bylineCount: 1, heroProblem: null }).body).toEqual(["1 image has no alt text. Describe each image before publishing."]);
  expect(publishProblems({ headline: "H", body: "Text", bylineCount: 1, heroProblem: null })).toEqual({});
});
