"use client";
import Link from "@/components/admin/newsroom-link";
import { useActionState, type ReactNode } from "react";
import { updateSettingsAction } from "@/lib/actions/settings/update-settings";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export interface SettingsFormValues {
  name: string;
  description: string;
  publisherDescription: string;
  tagline: string;
  twitterHandle: string;
  sameAs: string;
  copyright: string;
  language: string;
  timeZone: string;
  feedFullContent: boolean;
  logoMediaId: string | null;
  requireTwoFactor: boolean;
  websubHubUrl: string;
}

function Checkbox({ name, label, hint, errors, defaultChecked }: { name: string; label: string; hint: ReactNode; errors?: string[]; defaultChecked: boolean }) {
  const described = [`${name}-hint`, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          id={name}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-describedby={described}
          aria-invalid={errors?.length ? true : undefined}
          className="mt-1 size-5 shrink-0 accent-neutral-900 dark:accent-neutral-100"
        />
        <label htmlFor={name} className="font-semibold">
          {label}
        </label>
      </div>
      <p id={`${name}-hint`} className="pl-8 text-sm text-neutral-600 dark:text-neutral-400">
        {hint}
      </p>
      {errors?.map((error) => (
        <p key={error} id={`${name}-error`} className="pl-8 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-neutral-300 bg-white p-4 sm:p-6 dark:border-neutral-700 dark:bg-neutral-900">
      <legend className="px-1 text-lg font-bold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The publication's settings in one form; the same schema that parses it on the server names its field errors. */
export function SettingsForm({
  settings,
  timeZones,
  logos,
  twoFactorEnabled,
}: {
  settings: SettingsFormValues;
  timeZones: string[];
  logos: { id: string; label: string }[];
  twoFactorEnabled: boolean;
}) {
  const [state, action] = useActionState(updateSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  // A failed save echoes what was sent; an unticked box sends nothing, so "absent from the echo" means unticked.
  const checked = (name: "feedFullContent" | "requireTwoFactor") => (values ? values[name] === "on" : settings[name]);
  return (
    <form action={action} className="max-w-3xl space-y-6" noValidate>
      <FormMessage state={state} />
      <Group legend="Publication">
        <TextField name="name" label="Site name" required maxLength={80} errors={errors?.name} defaultValue={values?.name ?? settings.name} hint="The masthead on every page, and the name in feeds and search results." />
        <TextField name="description" label="Description" maxLength={300} errors={errors?.description} defaultValue={values?.description ?? settings.description} hint="One line under the masthead; also the site’s description for search engines." />
        <TextAreaField
          name="publisherDescription"
          label="Publisher statement"
          rows={4}
          maxLength={2000}
          errors={errors?.publisherDescription}
          defaultValue={values?.publisherDescription ?? settings.publisherDescription}
          hint="Shown on the About page."
        />
        <TextField
          name="tagline"
          label="Tagline"
          maxLength={80}
          errors={errors?.tagline}
          defaultValue={values?.tagline ?? settings.tagline}
          hint="A short line under the logo, at most 80 characters. Leave empty for none; the long description belongs on About."
        />
        <TextField name="copyright" label="Copyright line" maxLength={200} errors={errors?.copyright} defaultValue={values?.copyright ?? settings.copyright} hint="Shown in the footer and in feeds." />
        <SelectField
          name="logoMediaId"
          label="Logo"
          errors={errors?.logoMediaId}
          defaultValue={values?.logoMediaId ?? settings.logoMediaId ?? ""}
          options={[{ value: "", label: "No logo (the site name is the masthead)" }, ...logos.map((logo) => ({ value: logo.id, label: logo.label }))]}
          hint={
            <>
              An image from the <Link href="/admin/media" className="underline underline-offset-4">media library</Link>; upload it there first.
            </>
          }
        />
      </Group>
      <Group legend="Elsewhere">
        <TextField
          name="twitterHandle"
          label="X (Twitter) handle"
          maxLength={16}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          errors={errors?.twitterHandle}
          defaultValue={values?.twitterHandle ?? (settings.twitterHandle ? `@${settings.twitterHandle}` : "")}
          hint="Like @example. Named in link previews as the site’s account."
        />
        <TextAreaField
          name="sameAs"
          label="Profiles on other sites"
          rows={4}
          errors={errors?.sameAs}
          defaultValue={values?.sameAs ?? settings.sameAs}
          hint="One full address per line (https://…): the publication’s pages on social networks, Wikipedia and the like. Search engines use them to tell who publishes the site."
        />
      </Group>
      <Group legend="Language and time">
        <TextField
          name="language"
          label="Language"
          required
          maxLength={35}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          errors={errors?.language}
          defaultValue={values?.language ?? settings.language}
          hint="A language tag, like en, en-GB or es-MX. Tells browsers and screen readers how to read the site."
        />
        <SelectField
          name="timeZone"
          label="Time zone"
          errors={errors?.timeZone}
          defaultValue={values?.timeZone ?? settings.timeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          hint="Dates and times on the site and in the newsroom are shown in this zone. Type a few letters to jump in the list."
        />
      </Group>
      <Group legend="Feeds">
        <Checkbox
          name="feedFullContent"
          label="Feeds carry each story’s full text"
          defaultChecked={checked("feedFullContent")}
          errors={errors?.feedFullContent}
          hint="When off, RSS, Atom and JSON feeds carry only each story’s standfirst and a link."
        />
        <TextField
          name="websubHubUrl"
          label="WebSub hub"
          type="url"
          maxLength={2000}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          errors={errors?.websubHubUrl}
          defaultValue={values?.websubHubUrl ?? settings.websubHubUrl}
          hint="Like https://pubsubhubbub.appspot.com/. Feeds name this hub, and every publish, update, correction and unpublish pings it so feed readers hear at once. Leave empty for none."
        />
      </Group>
      <Group legend="Security">
        <Checkbox
          name="requireTwoFactor"
          label="Require two-factor sign-in for all staff"
          defaultChecked={checked("requireTwoFactor")}
          errors={errors?.requireTwoFactor}
          hint={
            twoFactorEnabled ? (
              "Staff who have not set up an authenticator app must do so before they can use the newsroom."
            ) : (
              <>
                Staff who have not set up an authenticator app must do so before they can use the newsroom. You have not set it up yet:{" "}
                <Link href="/admin/account/security" className="underline underline-offset-4">
                  set up two-factor sign-in
                </Link>{" "}
                first.
              </>
            )
          }
        />
      </Group>
      <SubmitButton pendingLabel="Saving settings…">Save settings</SubmitButton>
    </form>
  );
}
