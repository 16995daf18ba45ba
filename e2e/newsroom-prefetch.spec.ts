// Newsroom links are fetched when an editor reaches for them, not when they scroll into view
// (components/admin/newsroom-link.tsx): a newsroom page view must not make the server render every page it links to.
import { expect, test, type Request } from "@playwright/test";
import { STAFF } from "./support/newsroom";

test.use({ storageState: STAFF.owner.storageState });

/** Requests the client router makes for another route's payload (prefetch or navigation), by path. */
function routerFetches(requests: Request[]): string[] {
  return requests.filter((r) => r.headers()["rsc"] === "1" || new URL(r.url()).searchParams.has("_rsc")).map((r) => new URL(r.url()).pathname);
}

test("a newsroom page prefetches none of its links; pointing at one fetches it, and the click goes there", async ({ page }) => {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  await page.goto("/admin/stories");
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Trash" })).toBeVisible();
  // next/link prefetches what is in view shortly after load (an idle callback); give it that time.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1500);
  expect(routerFetches(requests), "router payloads fetched by a page view with no pointer or focus on a link").toEqual([]);

  const trash = page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Trash" });
  await trash.hover();
  await expect.poll(() => routerFetches(requests), { timeout: 5000 }).toContain("/admin/trash");
  expect(routerFetches(requests).filter((path) => path !== "/admin/trash"), "only the link pointed at").toEqual([]);

  // The keyboard reaches for links too.
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Media" }).focus();
  await expect.poll(() => routerFetches(requests), { timeout: 5000 }).toContain("/admin/media");

  await trash.click();
  await expect(page).toHaveURL(/\/admin\/trash$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Trash");
});
