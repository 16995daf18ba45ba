import { env } from "@/lib/env";
import type { MailMessage } from "./transport";

// Every email the newsroom sends: plain text first (what many newsroom inboxes show), and the same words as simple
// HTML. Links are absolute, from SITE_URL, since an email has no page to be relative to.

export type AccountLinkKind = "invite" | "reset";

export function absoluteUrl(path: string): string {
  return `${env.SITE_URL}${path}`;
}

export function accountLinkPath(kind: AccountLinkKind, token: string): string {
  return `/admin/login/${kind === "invite" ? "invite" : "reset"}/${token}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function htmlBody(paragraphs: string[], link?: { href: string; label: string }, footer?: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n");
  const button = link ? `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>\n<p style="color:#555;font-size:13px">${escapeHtml(link.href)}</p>` : "";
  const small = footer ? `\n<p style="color:#555;font-size:13px">${escapeHtml(footer)}</p>` : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em">\n${body}${button}${small}\n</body></html>`;
}

function message(to: string, subject: string, paragraphs: string[], link?: { href: string; label: string }, footer?: string): MailMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.href}`] : []), ...(footer ? [footer] : [])].join("\n\n") + "\n";
  return { to, subject, text, html: htmlBody(paragraphs, link, footer) };
}

export function inviteMessage(input: { to: string; name: string; siteName: string; invitedBy: string | null; link: string }): MailMessage {
  return message(
    input.to,
    `You're invited to the ${input.siteName} newsroom`,
    [
      `Hello ${input.name},`,
      `${input.invitedBy ?? "An admin"} has invited you to the ${input.siteName} newsroom. Choose your password to start; the link works once and expires in 7 days.`,
    ],
    { href: input.link, label: "Choose your password" },
    "If you were not expecting this, you can ignore this email.",
  );
}

export function resetMessage(input: { to: string; name: string; siteName: string; link: string }): MailMessage {
  return message(
    input.to,
    `Reset your ${input.siteName} newsroom password`,
    [`Hello ${input.name},`, "Someone asked to reset your newsroom password. Choose a new one with this link; it works once and expires in 1 hour. Every device signed in to your account will be signed out."],
    { href: input.link, label: "Choose a new password" },
    "If you did not ask for this, ignore this email: your password stays as it is.",
  );
}

export type StoryMailKind = "submitted" | "sent-back" | "published" | "schedule-failed";

export function storyMessage(input: {
  to: string;
  kind: StoryMailKind;
  siteName: string;
  headline: string;
  actor: string | null;
  editLink: string;
  note?: string;
  what?: "publish" | "update";
  error?: string;
}): MailMessage {
  const by = input.actor ?? "Someone";
  const headline = `“${input.headline}”`;
  const manage = `You can turn these emails off on your account page: ${absoluteUrl("/admin/account")}`;
  switch (input.kind) {
    case "submitted":
      return message(input.to, `For review: ${input.headline}`, [`${by} submitted ${headline} for review.`], { href: input.editLink, label: "Open the story" }, manage);
    case "sent-back":
      return message(
        input.to,
        `Sent back: ${input.headline}`,
        [`${by} moved ${headline} back to draft.`, ...(input.note ? [`Their note:\n${input.note}`] : [])],
        { href: input.editLink, label: "Open the story" },
        manage,
      );
    case "published":
      return message(input.to, `Published: ${input.headline}`, [`${by} published ${headline} on ${input.siteName}.`], { href: input.editLink, label: "Open the story" }, manage);
    case "schedule-failed":
      return message(
        input.to,
        `Scheduled ${input.what ?? "publish"} failed: ${input.headline}`,
        [`The scheduled ${input.what ?? "publish"} of ${headline} failed and needs a look.`, ...(input.error ? [`The error: ${input.error}`] : [])],
        { href: input.editLink, label: "Open the story" },
        manage,
      );
  }
}
