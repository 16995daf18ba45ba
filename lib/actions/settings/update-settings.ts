"use server";
import { updateSiteSettings } from "@/lib/dal/settings";
import { siteSettingsSchema } from "@/lib/validation/settings";
import { formObject, runAction, type ActionState } from "@/lib/actions/result";

const LABELS: Record<string, string> = {
  name: "site name",
  description: "description",
  publisherDescription: "publisher statement",
  tagline: "tagline",
  twitterHandle: "Twitter handle",
  sameAs: "profiles elsewhere",
  copyright: "copyright line",
  language: "language",
  timeZone: "time zone",
  feedFullContent: "feed content",
  logoMediaId: "logo",
  requireTwoFactor: "two-factor requirement",
  websubHubUrl: "WebSub hub",
};

export async function updateSettingsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(siteSettingsSchema, formObject(formData), async (input) => {
    const { changed } = await updateSiteSettings(input);
    if (changed.length === 0) return { message: "Nothing to save: no setting changed." };
    return { message: `Settings saved (${changed.map((field) => LABELS[field] ?? field).join(", ")}). Reader pages show the change now.` };
  });
}
