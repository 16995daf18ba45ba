import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { siteSettingsSchema, timeZoneOptions, type SiteSettingsInput } from "@/lib/validation/settings";
import { ForbiddenError } from "./session";
import { getSettingsForEdit, getSiteSettings, listLogoChoices, updateSiteSettings } from "./settings";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.4" }), cookies: async () => ({ get: () => undefined }) }));

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

const FORM = {
  name: "The Daily Example",
  description: "News, daily.",
  publisherDescription: "An example publisher.",
  copyright: "© Example",
  language: "en-us",
  timeZone: "europe/london",
  feedFullContent: "on",
  logoMediaId: "",
};

describe("the settings schema", () => {
  it("reads a submitted form: canonical language and zone, checkboxes, no logo", () => {
    expect(siteSettingsSchema.parse(FORM)).toEqual({
      ...FORM,
      language: "en-US",
      timeZone: "Europe/London",
      feedFullContent: true,
      logoMediaId: null,
      requireTwoFactor: false,
      tagline: "",
      twitterHandle: "",
      sameAs: "",
      websubHubUrl: "",
    });
  });

  it("reads the tagline, the Twitter handle without its @ and one profile address per line", () => {
    const parsed = siteSettingsSchema.parse({ ...FORM, tagline: " Local news, daily. ", twitterHandle: "@Example_News", sameAs: "https://x.com/example\r\n\n https://en.wikipedia.org/wiki/Example \nhttps://x.com/example" });
    expect(parsed).toMatchObject({ tagline: "Local news, daily.", twitterHandle: "Example_News", sameAs: "https://x.com/example\nhttps://en.wikipedia.org/wiki/Example" });
    const refused = siteSettingsSchema.safeParse({ ...FORM, tagline: "x".repeat(81), twitterHandle: "not a handle", sameAs: "javascript:alert(1)" });
    expect(Object.keys(refused.error?.flatten().fieldErrors ?? {}).sort()).toEqual(["sameAs", "tagline", "twitterHandle"]);
  });

  it("answers bad values per field", () => {
    const result = siteSettingsSchema.safeParse({ ...FORM, name: " ", language: "english!", timeZone: "Mars/Olympus_Mons", logoMediaId: "../etc" });
    expect(result.error?.flatten().fieldErrors).toEqual({
      name: ["Enter the site’s name."],
      language: ["Use a language tag like en, en-GB or pt-BR."],
      timeZone: ["Choose a time zone from the list (an IANA name like Europe/London)."],
      logoMediaId: ["Choose an image from the list."],
    });
  });

  it("offers UTC first and keeps an unusual stored zone selectable", () => {
    const zones = timeZoneOptions();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("America/New_York");
    expect(zones.filter((zone) => zone === "UTC")).toHaveLength(1);
    expect(timeZoneOptions("Etc/GMT+5")[0]).toBe("Etc/GMT+5");
  });
});

describeEachEngine("editing site settings", (database) => {
  const ids = { admin: "", enrolled: "", editor: "", logo: "", pdf: "" };
  const input = (overrides: Partial<SiteSettingsInput> = {}): SiteSettingsInput => ({ ...siteSettingsSchema.parse(FORM), ...overrides });

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.create({ data: { id: 1, name: "BreakingOn", description: "Independent news.", timeZone: "America/New_York" } });
    ids.admin = (await db.user.create({ data: { email: "ada@news.example", name: "Ada", passwordHash: "x", role: "ADMIN" } })).id;
    ids.enrolled = (await db.user.create({ data: { email: "tess@news.example", name: "Tess", passwordHash: "x", role: "ADMIN", totpEnabledAt: new Date() } })).id;
    ids.editor = (await db.user.create({ data: { email: "eddie@news.example", name: "Eddie", passwordHash: "x", role: "EDITOR" } })).id;
    const media = (name: string, mimeType: string) =>
      db.media.create({ data: { storageKey: name, originalName: name, mimeType, width: 400, height: 100, bytes: 1000, alt: name === "logo.png" ? "Masthead" : "" } });
    ids.logo = (await media("logo.png", "image/png")).id;
    ids.pdf = (await media("notes.pdf", "application/pdf")).id;
  });

  beforeEach(() => {
    revalidatedTags.length = 0;
    signInAs(ids.admin);
  });

  it("saves the form, audits each changed field before and after, and expires reader pages", async () => {
    const { db } = database();
    expect(await getSettingsForEdit()).toMatchObject({ name: "BreakingOn", timeZone: "America/New_York", logoMediaId: null, requireTwoFactor: false });
    expect((await listLogoChoices()).map((choice) => choice.label)).toEqual(["Masthead (400×100)"]);
    const { changed } = await updateSiteSettings(input({ logoMediaId: ids.logo }));
    expect(changed).toEqual(["name", "description", "publisherDescription", "copyright", "language", "timeZone", "logoMediaId"]);
    expect(revalidatedTags.map((entry) => entry.tag)).toEqual(["settings"]);
    expect(await getSiteSettings()).toMatchObject({ name: "The Daily Example", language: "en-US", timeZone: "Europe/London" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update" } });
    expect(entry).toMatchObject({ actorId: ids.admin, entityType: "SiteSettings", entityId: "1", ip: "198.51.100.4" });
    expect((entry.details as { changes: Record<string, unknown> }).changes.name).toEqual({ from: "BreakingOn", to: "The Daily Example" });
    expect((entry.details as { changes: Record<string, unknown> }).changes.logoMediaId).toEqual({ from: null, to: ids.logo });

    revalidatedTags.length = 0;
    expect(await updateSiteSettings(input({ logoMediaId: ids.logo }))).toEqual({ changed: [] });
    expect(revalidatedTags).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "settings.update" } })).toBe(1);
  });

  it("saves the tagline, the Twitter handle and the profiles, and gives readers the profiles as a list", async () => {
    const { changed } = await updateSiteSettings(input({ logoMediaId: ids.logo, tagline: "Local news, daily.", twitterHandle: "example", sameAs: "https://x.com/example\nhttps://en.wikipedia.org/wiki/Example" }));
    expect(changed).toEqual(["tagline", "twitterHandle", "sameAs"]);
    expect(await getSiteSettings()).toMatchObject({ tagline: "Local news, daily.", twitterHandle: "example", sameAs: ["https://x.com/example", "https://en.wikipedia.org/wiki/Example"] });
    expect(await getSettingsForEdit()).toMatchObject({ sameAs: "https://x.com/example\nhttps://en.wikipedia.org/wiki/Example" });
    await updateSiteSettings(input({ logoMediaId: ids.logo }));
    expect((await getSiteSettings()).sameAs).toEqual([]);
  });

  it("refuses a logo that is not an image in the library, changing nothing", async () => {
    const { db } = database();
    for (const logoMediaId of [ids.pdf, "gonegonegone"]) {
      await expect(updateSiteSettings(input({ name: "Changed", logoMediaId }))).rejects.toMatchObject({
        name: "ValidationError",
        fieldErrors: { logoMediaId: ["That image is no longer in the media library; choose another."] },
      });
    }
    expect((await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toBe("The Daily Example");
  });

  it("gives the reader site the chosen logo's rendition", async () => {
    const { db } = database();
    const { logoMediaId: chosen } = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    await db.siteSettings.update({ where: { id: 1 }, data: { logoMediaId: null } });
    expect((await getSiteSettings()).logo).toBeNull();
    const logo = await db.media.create({ data: { storageKey: "logo-key-0000000000000", originalName: "logo.png", mimeType: "image/png", width: 400, height: 120, bytes: 900, alt: "Logo" } });
    await db.siteSettings.update({ where: { id: 1 }, data: { logoMediaId: logo.id } });
    expect((await getSiteSettings()).logo).toEqual({ src: "/media/logo-key-0000000000000", width: 400, height: 120 });
    await db.siteSettings.update({ where: { id: 1 }, data: { logoMediaId: chosen } });
  });

  it("refuses to require two-factor sign-in from an admin who has not enrolled; an enrolled admin may", async () => {
    const { db } = database();
    await expect(updateSiteSettings(input({ logoMediaId: ids.logo, requireTwoFactor: true }))).rejects.toMatchObject({
      name: "ValidationError",
      message: "Set up two-factor sign-in for your own account first.",
      fieldErrors: { requireTwoFactor: [expect.stringContaining("Account → Security")] },
    });
    expect((await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).requireTwoFactor).toBe(false);
    signInAs(ids.enrolled);
    expect(await updateSiteSettings(input({ logoMediaId: ids.logo, requireTwoFactor: true }))).toEqual({ changed: ["requireTwoFactor"] });
    expect(await updateSiteSettings(input({ logoMediaId: ids.logo, requireTwoFactor: false }))).toEqual({ changed: ["requireTwoFactor"] });
  });

  it("is for admins only: an editor is refused, audited, and nothing changes", async () => {
    const { db } = database();
    signInAs(ids.editor);
    await expect(getSettingsForEdit()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSiteSettings(input({ name: "Editor's Paper" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listLogoChoices()).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toBe("The Daily Example");
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: ids.editor, entityType: "SiteSettings" } })).toBe(3);
  });
});
