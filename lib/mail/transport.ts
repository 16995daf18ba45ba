import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/** One email, as the templates build it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const transports = new Map<string, Transporter>();

/**
 * The SMTP transport for SMTP_URL (nodemailer reads smtp:// as STARTTLS when the server offers it, smtps:// as TLS
 * from the first byte), or null when no SMTP server is configured. Pooled per URL, so a burst reuses connections.
 */
export function mailTransport(smtpUrl: string | undefined = env.SMTP_URL): Transporter | null {
  if (!smtpUrl) return null;
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Short timeouts: the job runner retries, so a slow server costs a retry, not a stuck worker.
    transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export function mailFrom(): string {
  return env.MAIL_FROM ?? `BreakingOn <newsroom@${new URL(env.SITE_URL).hostname}>`;
}

/** Whether email can be sent at all (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

/** Sends one message now (only ever called from a job handler); throws when the server refuses or cannot be reached. */
export async function deliverMail(message: MailMessage): Promise<void> {
  const transport = mailTransport();
  if (!transport) {
    console.log(`mail: not sent (no SMTP_URL): "${message.subject}" to ${message.to}`);
    return;
  }
  await transport.sendMail({ from: mailFrom(), to: message.to, subject: message.subject, text: message.text, html: message.html });
}
