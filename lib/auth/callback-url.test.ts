import { expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

it("returns to newsroom paths only", () => {
  expect(safeCallbackUrl("/admin/stories/abc?tab=history")).toBe("/admin/stories/abc?tab=history");
  expect(safeCallbackUrl(["/admin/media"])).toBe("/admin/media");
  for (const hostile of ["https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "/articles/x", "", undefined, "/admin/login?callbackUrl=x"]) {
    expect(safeCallbackUrl(hostile)).toBe("/admin");
  }
});
