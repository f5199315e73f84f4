/**
 * Outgoing mail (password-reset, verification and invitation links; texts in mails.ts) over
 * SMTP with nodemailer. Sending never delays the HTTP answer: a reset request for a known
 * email must take as long as one for an unknown email, so the caller queues the message and
 * a failure is logged, not returned.
 */
import nodemailer from "nodemailer";
import type { MailConfig } from "./accountsConfig.ts";

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  /** Sends in the background; `onError` hears of a failure. */
  queue(mail: Mail): void;
  /** Waits for the mail being sent (a shutdown must not drop a reset link), then disconnects. */
  close(): Promise<void>;
}

export function createMailer(config: MailConfig, onError: (error: unknown) => void): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  const sending = new Set<Promise<unknown>>();
  return {
    queue(mail) {
      const sent = transport.sendMail({ from: config.from, ...mail }).catch(onError);
      sending.add(sent);
      void sent.finally(() => sending.delete(sent));
    },
    async close() {
      await Promise.allSettled([...sending]);
      transport.close();
    },
  };
}
