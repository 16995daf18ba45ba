import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { ALT_REQUIRED_MESSAGE } from "@/lib/validation/media";
import { ForbiddenError } from "./session";
import { NotFoundError, ValidationError } from "./errors";
import { deleteMedia, getMedia, listEditorImages, listMedia, mediaAltProblem, saveImageDefaults, storageKeyFromUrl, updateMediaDetails, uploadEditorImage, uploadMedia } from "./media";

// Every upload in this file lands in a throwaway storage folder (lib/env.ts reads STORAGE_DIR when first imported).
const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "breakingon-media-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7" }), cookies: async () => ({ get: () => undefined }) }));

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

/** Every file under the storage folder, relative to it. */
function storedFiles(): string[] {
  return existsSync(storageDir) ? (readdirSync(storageDir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(storageDir, path.join(e.parentPath, e.name))) : [];
}

const photo = () =>
  sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Hidden Photographer" } })
    .toBuffer();

describeEachEngine("media library", (database) => {
  const ids = { editor: "", writer: "", otherWriter: "" };

  beforeAll(async () => {
    const { db } = database();
    for (const [key, role] of [["editor", "EDITOR"], ["writer", "WRITER"], ["otherWriter", "WRITER"]] as const) {
      ids[key] = (await db.user.create({ data: { email: `${key}@news.example`, name: `${key} person`, passwordHash: "x", role } })).id;
    }
  });

  it("stores an upload's renditions and row, and lists it for any staff member", async () => {
    const { db } = database();
    signInAs(ids.writer);
    const view = await uploadMedia(await photo(), "../../Holiday PHOTO.jpg", { alt: "  A blue square  " });
    expect(view).toMatchObject({ originalName: "Holiday PHOTO.jpg", width: 800, height: 500, alt: "A blue square", mimeType: "image/jpeg", uploadedBy: "writer person", usedBy: 0, canEdit: true });
    expect(view.url).toMatch(/^\/media\/[A-Za-z0-9_-]{22}$/);
    expect(view.srcSet).toContain("w800.webp 800w");
    const row = await db.media.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.uploadedById).toBe(ids.writer);
    const key = row.storageKey;
    expect(storedFiles().filter((f) => f.includes(key)).map((f) => path.basename(f)).sort()).toEqual(["default.jpg", "social.jpg", "w320.webp", "w640.webp", "w800.webp"]);
    expect(await db.auditLog.count({ where: { action: "media.upload", entityId: view.id, actorId: ids.writer } })).toBe(1);

    signInAs(ids.otherWriter);
    const found = await listMedia({ query: "holiday photo" });
    expect(found.items.map((m) => m.id)).toEqual([view.id]);
    expect(found.items[0].canEdit).toBe(false);
    expect((await listMedia({ query: "a blue" })).total).toBe(1);
    expect((await listMedia({ query: "nothing like it" })).items).toEqual([]);
    expect((await getMedia(view.id))?.renditions.map((r) => r.label)).toEqual(["Default (JPEG)", "320 px wide (WebP)", "640 px wide (WebP)", "800 px wide (WebP)", "Social share crop (JPEG)"]);
  });

  it("refuses SVG, text and GIF uploads with a field message, storing nothing", async () => {
    const { db } = database();
    signInAs(ids.writer);
    const before = { rows: await db.media.count(), files: storedFiles().length };
    for (const [bytes, message] of [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /SVG files are not accepted/],
      [Buffer.from("plain text pretending to be a photo"), /not a JPEG, PNG, WebP or AVIF image/],
      [await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } }).gif().toBuffer(), /GIF images are not accepted/],
    ] as const) {
      const error = await uploadMedia(bytes, "photo.jpg").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.file?.[0]).toMatch(message);
    }
    expect(await db.media.count()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
  });

  it("removes the stored files again when the database write fails", async () => {
    signInAs(ids.writer);
    const before = storedFiles();
    const spy = vi.spyOn(getDb(), "$transaction").mockRejectedValueOnce(new Error("database unavailable"));
    await expect(uploadMedia(await photo(), "doomed.jpg")).rejects.toThrow("database unavailable");
    spy.mockRestore();
    expect(storedFiles()).toEqual(before);
  });

  it("lets only the uploader or an editor change details, refusing others with an audit entry", async () => {
    const { db } = database();
    signInAs(ids.writer);
    const mine = await uploadMedia(await photo(), "mine.jpg");
    signInAs(ids.otherWriter);
    await expect(updateMediaDetails(mine.id, { alt: "vandalised", caption: "", credit: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteMedia(mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: ids.otherWriter, entityId: mine.id } })).toBe(2);
    expect(await db.media.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ alt: "" });
    await expect(updateMediaDetails("no-such-image", { alt: "x", caption: "", credit: "" })).rejects.toBeInstanceOf(NotFoundError);

    signInAs(ids.writer);
    expect(await updateMediaDetails(mine.id, { alt: "Reporter's notebook", caption: "On the desk", credit: "Staff" })).toMatchObject({ alt: "Reporter's notebook", caption: "On the desk" });
    signInAs(ids.editor);
    expect(await updateMediaDetails(mine.id, { alt: "A reporter's notebook", caption: "On the desk", credit: "Staff" })).toMatchObject({ alt: "A reporter's notebook" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "media.update", actorId: ids.editor, entityId: mine.id } });
    expect(audit.details).toMatchObject({ changed: ["alt"], before: { alt: "Reporter's notebook" } });
  });

  it("refreshes published stories when their hero's details change, and keeps alt text while they need it", async () => {
    const { db } = database();
    signInAs(ids.editor);
    const hero = await uploadMedia(await photo(), "hero.jpg", { alt: "Flooded street" });
    const section = await db.section.create({ data: { slug: "weather", name: "Weather" } });
    const live = await db.article.create({ data: { slug: "floods-live", headline: "Floods", status: "PUBLISHED", publishedAt: new Date(), heroMediaId: hero.id, sectionId: section.id } });
    await db.article.create({ data: { slug: "floods-draft", headline: "Floods draft", heroMediaId: hero.id } });

    revalidatedTags.length = 0;
    await updateMediaDetails(hero.id, { alt: "A flooded street in town", caption: "", credit: "" });
    const expired = revalidatedTags.map((t) => t.tag);
    // New alt text changes only what shows the story, not which lists hold it.
    expect(expired).toEqual(expect.arrayContaining([`story:${live.id}`, "article:floods-live", "sitemaps"]));
    expect(expired).not.toContain("front");
    expect(expired).not.toContain("article:floods-draft");

    revalidatedTags.length = 0;
    await updateMediaDetails(hero.id, { alt: "A flooded street in town", caption: "", credit: "" });
    expect(revalidatedTags).toEqual([]);

    const refusal = await updateMediaDetails(hero.id, { alt: "", caption: "", credit: "" }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).fieldErrors.alt?.[0]).toContain(ALT_REQUIRED_MESSAGE);
    expect((await db.media.findUniqueOrThrow({ where: { id: hero.id } })).alt).toBe("A flooded street in town");
  });

  it("refuses to delete an image a story or the site logo uses, then deletes it and its files", async () => {
    const { db } = database();
    signInAs(ids.editor);
    const image = await uploadMedia(await photo(), "logo.jpg");
    const { storageKey } = await db.media.findUniqueOrThrow({ where: { id: image.id } });
    const story = await db.article.create({ data: { slug: "uses-logo", headline: "Uses the logo", heroMediaId: image.id } });
    await db.siteSettings.upsert({ where: { id: 1 }, create: { name: "BreakingOn", logoMediaId: image.id }, update: { logoMediaId: image.id } });

    await expect(deleteMedia(image.id)).rejects.toThrow(/in use by the story “Uses the logo” and the site logo, so it cannot be deleted/);
    expect((await getMedia(image.id))?.usedBy).toBe(2);
    await db.article.update({ where: { id: story.id }, data: { heroMediaId: null } });
    await expect(deleteMedia(image.id)).rejects.toThrow(/in use by the site logo/);
    await db.siteSettings.update({ where: { id: 1 }, data: { logoMediaId: null } });

    expect(await deleteMedia(image.id)).toEqual({ originalName: "logo.jpg" });
    expect(await db.media.count({ where: { id: image.id } })).toBe(0);
    expect(storedFiles().some((f) => f.includes(storageKey))).toBe(false);
    expect(await db.auditLog.count({ where: { action: "media.delete", entityId: image.id } })).toBe(1);
    await expect(deleteMedia(image.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("names only the stories the asker may see where an image is used, counting the others without headlines", async () => {
    const { db } = database();
    signInAs(ids.writer);
    const image = await uploadMedia(await photo(), "shared.jpg", { alt: "Shared" });
    const own = await db.article.create({ data: { slug: "writers-own-draft", headline: "The writer's own draft", heroMediaId: image.id, createdById: ids.writer } });
    await db.article.create({ data: { slug: "secret-scoop", headline: "Secret scoop of another writer", heroMediaId: image.id, createdById: ids.otherWriter } });
    await db.article.create({ data: { slug: "editors-embargo", headline: "Editor's embargoed exclusive", heroMediaId: image.id, createdById: ids.editor } });

    const seen = await getMedia(image.id);
    expect(seen?.usedIn.map((s) => s.id)).toEqual([own.id]);
    expect(seen?.hiddenUses).toBe(2);
    expect(seen?.usedBy).toBe(3);
    expect(JSON.stringify(seen)).not.toMatch(/Secret scoop|embargoed/);

    const refusal = await deleteMedia(image.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as Error).message).toBe("This image is in use by the story “The writer's own draft” and 2 stories you cannot see, so it cannot be deleted. Choose another image there first.");

    signInAs(ids.otherWriter);
    const other = await getMedia(image.id);
    expect(other?.usedIn.map((s) => s.headline)).toEqual(["Secret scoop of another writer"]);
    expect(other?.hiddenUses).toBe(2);

    signInAs(ids.editor);
    const editor = await getMedia(image.id);
    expect(editor?.usedIn).toHaveLength(3);
    expect(editor?.hiddenUses).toBe(0);
    await expect(deleteMedia(image.id)).rejects.toThrow(/in use by 3 stories: .*“Secret scoop of another writer”/);
    expect(await db.media.count({ where: { id: image.id } })).toBe(1);
  });

  it("tells the publish step when a hero image lacks alt text", async () => {
    signInAs(ids.writer);
    const bare = await uploadMedia(await photo(), "bare.jpg");
    expect(await mediaAltProblem(bare.id)).toBe(`${ALT_REQUIRED_MESSAGE}.`);
    await updateMediaDetails(bare.id, { alt: "Described", caption: "", credit: "" });
    expect(await mediaAltProblem(bare.id)).toBeNull();
    expect(await mediaAltProblem(null)).toBeNull();
    expect(await mediaAltProblem("gone")).toMatch(/no longer exists/);
  });

  it("pages the library newest first", async () => {
    signInAs(ids.writer);
    const all = await listMedia({ pageSize: 2 });
    expect(all.pageCount).toBe(Math.ceil(all.total / 2));
    const second = await listMedia({ page: 2, pageSize: 2 });
    expect(second.items[0].createdAt.getTime()).toBeLessThanOrEqual(all.items[1].createdAt.getTime());
    expect(second.items.map((m) => m.id)).not.toContain(all.items[0].id);
  });

  it("uploads from the editor and lists the new image in the editor's pickers at once", async () => {
    signInAs(ids.writer);
    const image = await uploadEditorImage(await photo(), "dropped.jpg");
    expect(image).toMatchObject({ name: "dropped.jpg", alt: "", caption: "", credit: "", width: 800, height: 500 });
    expect(image.url).toMatch(/^\/media\/[A-Za-z0-9_-]{22}$/);
    signInAs(ids.otherWriter);
    expect((await listEditorImages())[0]).toEqual(image);
    const refused = await uploadEditorImage(Buffer.from("not an image at all"), "notes.txt").catch((e: unknown) => e);
    expect((refused as ValidationError).fieldErrors.file?.[0]).toMatch(/not a JPEG, PNG, WebP or AVIF image/);
  });

  it("saves one use's details to the library only through the library's own rules", async () => {
    const { db } = database();
    signInAs(ids.writer);
    const image = await uploadEditorImage(await photo(), "inline.jpg");
    const saved = await saveImageDefaults(image.url, { alt: "Boats at dawn", caption: "The harbour", credit: "Ana Ruiz" });
    expect(saved).toMatchObject({ id: image.id, alt: "Boats at dawn", caption: "The harbour", credit: "Ana Ruiz" });
    expect(await db.auditLog.count({ where: { action: "media.update", entityId: image.id } })).toBe(1);
    // Another writer may not change someone else's image; an address outside the library is not found.
    signInAs(ids.otherWriter);
    await expect(saveImageDefaults(image.url, { alt: "Mine now", caption: "", credit: "" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveImageDefaults("https://elsewhere.example/x.jpg", { alt: "x", caption: "", credit: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveImageDefaults("/media/nosuchkey", { alt: "x", caption: "", credit: "" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.media.findUniqueOrThrow({ where: { id: image.id } })).alt).toBe("Boats at dawn");
    expect(storageKeyFromUrl("/media/abc_-1/w320.webp")).toBe("abc_-1");
    expect(storageKeyFromUrl("/media/../etc")).toBeNull();
  });
});
