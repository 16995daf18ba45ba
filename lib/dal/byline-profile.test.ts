import { describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { bylineSchema, bylineUpdateSchema } from "@/lib/validation/taxonomy";
import { personJsonLd } from "@/lib/seo/json-ld";
import { getAuthorProfile } from "./author-profile";
import { createByline, updateByline } from "./taxonomy";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

describe("byline profile validation", () => {
  it("takes one http(s) address per line, ignoring blank lines and repeats", () => {
    const parsed = bylineSchema.parse({ name: "Ana Ruiz", jobTitle: "  Border correspondent ", links: "https://ana.example/\r\n\n  http://social.example/@ana  \nhttps://ana.example/", photoMediaId: "" });
    expect(parsed).toMatchObject({ jobTitle: "Border correspondent", links: "https://ana.example/\nhttp://social.example/@ana", photoMediaId: null });
  });

  it.each([
    ["javascript:alert(1)", "javascript:alert(1)"],
    ["ana.example", "ana.example"],
    ["https://ok.example\nftp://files.example", "ftp://files.example"],
    ["https://has space.example/x y", "https://has space.example/x y"],
  ])("refuses %j under the links field, naming the bad line", (links, bad) => {
    const result = bylineSchema.safeParse({ name: "Ana", links });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.includes("links"));
    expect(issue?.message).toContain(`(check “${bad}”)`);
  });

  it("refuses more than 10 links and a job title over 120 characters", () => {
    const links = Array.from({ length: 11 }, (_, i) => `https://site${i}.example`).join("\n");
    expect(bylineSchema.safeParse({ name: "Ana", links }).error?.issues.map((i) => i.message)).toContain("Use at most 10 links.");
    expect(bylineSchema.safeParse({ name: "Ana", jobTitle: "x".repeat(121) }).error?.issues[0].path).toEqual(["jobTitle"]);
  });
});

describe("author Person JSON-LD", () => {
  it("carries job title, photo and links as sameAs, and leaves out what is empty", () => {
    const full = personJsonLd(
      { slug: "ana", name: "Ana", bio: "Covers the border.", jobTitle: "Correspondent", links: ["https://ana.example/"], photo: { src: "/media/k.jpg", width: 400, height: 400 } },
      { siteUrl: "https://news.example" },
    );
    expect(full).toEqual({
      "@context": "https://schema.org",
      "@type": "Person",
      "@id": "https://news.example/authors/ana#person",
      name: "Ana",
      url: "https://news.example/authors/ana",
      jobTitle: "Correspondent",
      description: "Covers the border.",
      image: { "@type": "ImageObject", url: "https://news.example/media/k.jpg", width: 400, height: 400 },
      sameAs: ["https://ana.example/"],
    });
    const bare = personJsonLd({ slug: "desk", name: "Desk", bio: "", jobTitle: "", links: [], photo: null }, { siteUrl: "https://news.example" });
    expect(Object.keys(bare)).toEqual(["@context", "@type", "@id", "name", "url"]);
  });
});

describeEachEngine("byline photo, job title and links", (database) => {
  it("requires the photo to exist and have alt text, stores the profile, audits it and expires the author page", async () => {
    const { db } = database();
    const admin = await db.user.create({ data: { email: "admin@news.example", name: "Admin", passwordHash: "x", role: "ADMIN" } });
    vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId: admin.id, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
    const media = (alt: string) => db.media.create({ data: { storageKey: `key-${alt || "none"}-000000000000`, originalName: "ana.jpg", mimeType: "image/jpeg", width: 400, height: 400, bytes: 1000, alt } });
    const undescribed = await media("");
    const described = await media("Ana Ruiz, smiling");

    await expect(createByline(bylineSchema.parse({ name: "Ana Ruiz", photoMediaId: undescribed.id }))).rejects.toMatchObject({ fieldErrors: { photoMediaId: [expect.stringMatching(/alt/i)] } });
    await expect(createByline(bylineSchema.parse({ name: "Ana Ruiz", photoMediaId: "nosuchimage" }))).rejects.toMatchObject({ fieldErrors: { photoMediaId: [expect.stringMatching(/no longer exists/)] } });
    expect(await db.byline.count()).toBe(0);

    const byline = await createByline(bylineSchema.parse({ name: "Ana Ruiz", links: "https://ana.example/" }));
    revalidatedTags.length = 0;
    const { changed } = await updateByline(bylineUpdateSchema.parse({ id: byline.id, name: "Ana Ruiz", slug: byline.slug, jobTitle: "Border correspondent", links: "https://ana.example/\nhttps://social.example/@ana", expertise: "Border security\n Migration \n\nBorder security", languages: "English\nSpanish", contactEmail: "ana@news.example", photoMediaId: described.id }));
    expect(changed).toBe(true);
    expect(await db.byline.findUniqueOrThrow({ where: { id: byline.id }, select: { expertise: true, languages: true, contactEmail: true } })).toEqual({ expertise: "Border security\nMigration", languages: "English\nSpanish", contactEmail: "ana@news.example" });
    expect(revalidatedTags.map((t) => t.tag)).toContain(`byline:${byline.slug}`);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "byline.update", entityId: byline.id } });
    expect(entry.details).toMatchObject({ changes: { jobTitle: { from: "", to: "Border correspondent" }, photoMediaId: { from: null, to: described.id } } });

    expect(await getAuthorProfile(byline.slug)).toEqual({
      jobTitle: "Border correspondent",
      links: ["https://ana.example/", "https://social.example/@ana"],
      photo: { src: expect.stringContaining(described.storageKey), width: 400, height: 400, alt: "Ana Ruiz, smiling" },
      expertise: ["Border security", "Migration"],
      languages: ["English", "Spanish"],
      contactEmail: "ana@news.example",
    });
    // A photo whose description was removed since is not shown.
    await db.media.update({ where: { id: described.id }, data: { alt: "" } });
    expect((await getAuthorProfile(byline.slug))?.photo).toBeNull();
  });
});

describe("byline expertise, languages and contact", () => {
  it("refuses a contact that is not an email address and over-long lists", () => {
    const refused = bylineSchema.safeParse({ name: "Ana", contactEmail: "javascript:alert(1)", expertise: Array.from({ length: 11 }, (_, i) => `Topic ${i}`).join("\n"), languages: "x".repeat(41) });
    expect(Object.keys(refused.error?.flatten().fieldErrors ?? {}).sort()).toEqual(["contactEmail", "expertise", "languages"]);
    expect(bylineSchema.parse({ name: "Ana" })).toMatchObject({ expertise: "", languages: "", contactEmail: "" });
  });
});
