import nodemailer from "nodemailer";
import type { Logger } from "@/lib/log";

export type Mail = { to: string; subject: string; text: string };

/** "sent" through SMTP, or "logged" when no SMTP_URL is configured (the text goes to the log). */
export type MailDelivery = "sent" | "logged";

export type Mailer = { send(mail: Mail): Promise<MailDelivery> };

/** The sender of the app's mail: no-reply at the app's own host name. */
export function fromAddress(appUrl: string): string {
  return `Ledgerbridge <no-reply@${new URL(appUrl).hostname}>`;
}

/**
 * Sends through the SMTP server of `smtpUrl` (nodemailer), or, without one, writes the mail to the
 * log so that a development or demo install still hands out its links. The URL holds the SMTP
 * password: it is never logged.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log: Logger }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(mail) {
      if (!transport) {
        options.log.info("mail not sent (SMTP_URL is not set); its text follows", { to: mail.to, subject: mail.subject, text: mail.text });
        return "logged";
      }
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      options.log.info("mail sent", { to: mail.to, subject: mail.subject });
      return "sent";
    },
  };
}
