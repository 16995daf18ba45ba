import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { sitePageSchema, sitePageStatusSchema, type SitePageInput } from "@/lib/validation/site-pages";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }), cookies: async () => ({ get: () => undefined }) }));

const { getPublishedSitePage, getSitePageForEdit, listPublishedSitePages, listSitePagesForEdit, previewSitePage, saveSitePage, setSitePageStatus } = await import("./site-pages");

const save = (input: Partial<SitePageInput> & { baseVersion: number }) => saveSitePage(sitePageSchema.parse({ slug: "contact", title: "Contact", body: "", ...input }));

describe("the site page schemas", () => {
  it("accept only the fixed slugs, a title and a body of bounded size", () => {
    expect(sitePageSchema.safeParse({ slug: "about", baseVersion: "0", title: " About us ", body: "Hello.\r\n" }).data).toEqual({ slug: "about", baseVersion: 0, title: "About us", body: "Hello." });
    const refused = sitePageSchema.safeParse({ slug: "../admin", baseVersion: "-1", title: " ", body: "x".repeat(100_001) });
    expect(Object.keys(refused.error?.flatten().fieldErrors ?? {}).sort()).toEqual(["baseVersion", "body", "slug", "title"]);
    expect(sitePageStatusSchema.safeParse({ slug: "contact", baseVersion: "1", status: "ARCHIVED" }).success).toBe(false);
  });
});

describeEachEngine("site pages", (database) => {
  const ids = { admin: "", editor: "", writer: "" };

  beforeAll(async () => {
    const { db } = database();
    const user = (email: string, role: "ADMIN" | "EDITOR" | "WRITER") => db.user.create({ data: { email, name: email.split("@")[0], passwordHash: "x", role }, select: { id: true } });
    ids.admin = (await user("ada@news.test", "ADMIN")).id;
    ids.editor = (await user("eddie@news.test", "EDITOR")).id;
    ids.writer = (await user("wren@news.test", "WRITER")).id;
  });

  beforeEach(() => {
    revalidatedTags.length = 0;
    session.userId = ids.editor;
  });

  it("creates a draft on the first save, records a revision and an audit line, and shows readers nothing yet", async () => {
    const { db } = database();
    expect((await listSitePagesForEdit()).map((page) => [page.slug, page.status])).toEqual([
      ["about", null],
      ["contact", null],
      ["corrections-policy", null],
      ["ethics-policy", null],
      ["masthead", null],
      ["ownership-funding", null],
      ["privacy", null],
    ]);
    expect(await save({ baseVersion: 0, body: "Write to the **news desk**." })).toEqual({ version: 1, changed: true });
    expect(revalidatedTags).toEqual([]);
    const page = await getSitePageForEdit("contact");
    expect(page).toMatchObject({ title: "Contact", status: "DRAFT", version: 1 });
    expect(page.revisions.map((r) => [r.reason, r.version, r.author])).toEqual([["Created", 1, "eddie"]]);
    expect(await db.auditLog.count({ where: { action: "page.create", entityId: "contact", actorId: ids.editor, ip: "203.0.113.7" } })).toBe(1);
    expect(await getPublishedSitePage("contact")).toBeNull();
    expect(await listPublishedSitePages()).toEqual([]);
  });

  it("refuses a save from an older version, and a second first save, changing nothing", async () => {
    const { db } = database();
    await expect(save({ baseVersion: 0, body: "Other." })).rejects.toMatchObject({ name: "ValidationError", message: expect.stringMatching(/saved this page after you opened it/) });
    await expect(save({ baseVersion: 7, body: "Other." })).rejects.toMatchObject({ name: "ValidationError" });
    expect((await db.page.findUniqueOrThrow({ where: { slug: "contact" } })).body).toBe("Write to the **news desk**.");
    expect(await save({ baseVersion: 1, body: "Write to the **news desk**." })).toEqual({ version: 1, changed: false });
  });

  it("publishes: readers get sanitised HTML, the footer list and the page's tag expire", async () => {
    const { db } = database();
    expect(await setSitePageStatus(sitePageStatusSchema.parse({ slug: "contact", baseVersion: 1, status: "PUBLISHED" }))).toEqual({ version: 2 });
    expect(revalidatedTags.map((entry) => entry.tag)).toEqual(["page:contact", "pages"]);
    expect(await getPublishedSitePage("contact")).toMatchObject({ title: "Contact", html: "<p>Write to the <strong>news desk</strong>.</p>" });
    expect(await listPublishedSitePages()).toEqual([{ slug: "contact", title: "Contact" }]);
    expect(await db.auditLog.count({ where: { action: "page.publish", entityId: "contact" } })).toBe(1);

    revalidatedTags.length = 0;
    await save({ baseVersion: 2, body: "Call us." });
    // A change of words expires only the page; a new title also the footer's list.
    expect(revalidatedTags.map((entry) => entry.tag)).toEqual(["page:contact"]);
    revalidatedTags.length = 0;
    await save({ baseVersion: 3, title: "Contact us", body: "Call us." });
    expect(revalidatedTags.map((entry) => entry.tag)).toEqual(["page:contact", "pages"]);
    expect((await getSitePageForEdit("contact")).revisions.map((r) => r.reason)).toEqual(["Saved", "Saved", "Published", "Created"]);
  });

  it("sanitises hostile Markdown: no script, event handler or javascript: link reaches readers or the preview", async () => {
    const hostile = [
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(2)">',
      "[click](javascript:alert(3))",
      '<a href="javascript:alert(4)">x</a>',
      "<iframe src=\"https://evil.example\"></iframe>",
      "Plain words survive.",
    ].join("\n\n");
    await save({ baseVersion: 4, title: "Contact us", body: hostile });
    for (const html of [(await getPublishedSitePage("contact"))!.html, (await previewSitePage("contact"))!.html]) {
      expect(html).toContain("Plain words survive.");
      expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    }
  });

  it("unpublishes: readers lose the page and the footer its link", async () => {
    const version = (await getSitePageForEdit("contact")).version;
    await setSitePageStatus(sitePageStatusSchema.parse({ slug: "contact", baseVersion: version, status: "DRAFT" }));
    expect(await getPublishedSitePage("contact")).toBeNull();
    expect(await listPublishedSitePages()).toEqual([]);
    await expect(setSitePageStatus(sitePageStatusSchema.parse({ slug: "contact", baseVersion: version + 1, status: "DRAFT" }))).rejects.toMatchObject({ message: "The page is already a draft." });
    await expect(setSitePageStatus(sitePageStatusSchema.parse({ slug: "privacy", baseVersion: 1, status: "PUBLISHED" }))).rejects.toMatchObject({ message: "Save the page before publishing it." });
  });

  it("an admin may edit and publish; a writer may neither read nor write site pages, and the refusal is logged", async () => {
    const { db } = database();
    session.userId = ids.admin;
    expect(await save({ slug: "privacy", title: "Privacy", baseVersion: 0, body: "We keep no reader data." })).toMatchObject({ changed: true });
    await setSitePageStatus(sitePageStatusSchema.parse({ slug: "privacy", baseVersion: 1, status: "PUBLISHED" }));

    session.userId = ids.writer;
    const before = await db.page.findUniqueOrThrow({ where: { slug: "privacy" } });
    await expect(listSitePagesForEdit()).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(getSitePageForEdit("privacy")).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(previewSitePage("contact")).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(save({ slug: "privacy", title: "Owned", baseVersion: before.version, body: "<script>alert(1)</script>" })).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(setSitePageStatus(sitePageStatusSchema.parse({ slug: "privacy", baseVersion: before.version, status: "DRAFT" }))).rejects.toMatchObject({ name: "ForbiddenError" });
    expect(await db.page.findUniqueOrThrow({ where: { slug: "privacy" } })).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: ids.writer, entityType: "Page" } })).toBeGreaterThanOrEqual(5);

    session.userId = null;
    await expect(save({ slug: "privacy", title: "Owned", baseVersion: before.version, body: "x" })).rejects.toMatchObject({ name: "UnauthorizedError" });
    // Readers need no session for what is published.
    expect(await listPublishedSitePages()).toEqual([{ slug: "privacy", title: "Privacy" }]);
  });
});
