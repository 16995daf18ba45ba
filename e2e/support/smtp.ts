// The e2e web server sends through SMTP_URL (playwright.config.ts sets it to this port); the email spec starts a
// real SMTP server here and reads what arrived. Other specs run with nobody listening: mail jobs just retry.
import { startSmtpServer, type TestSmtpServer } from "../../lib/testing/smtp-server";

export const E2E_SMTP_PORT = 2525 + (Number(process.env.E2E_PORT ?? 3100) - 3100);
export const E2E_SMTP_URL = `smtp://e2e:e2e@127.0.0.1:${E2E_SMTP_PORT}`;
export const E2E_MAIL_FROM = "BreakingOn E2E <newsroom@breakingon.test>";

export function startE2eSmtp(): Promise<TestSmtpServer> {
  return startSmtpServer(E2E_SMTP_PORT);
}

/** The one-time link in an email's text, as a path for page.goto. */
export function linkIn(text: string): string {
  const match = /https?:\/\/[^\s/]+(\/admin\/login\/(?:invite|reset)\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no one-time link in: ${text}`);
  return match[1]!;
}
