/**
 * A real SMTP server (npm smtp-server) on a loopback port, with login, keeping what it
 * receives parsed by mailparser. Tests await mail instead of sleeping.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export const SMTP_USER = "journeymap";
export const SMTP_PASSWORD = "mail-password";

export interface TestMailServer {
  /** SMTP_URL for this server. */
  readonly url: string;
  readonly received: ParsedMail[];
  /** The first message to `to` (whose subject starts with `subject`) so far or within `timeoutMs`. */
  waitForMail(to: string, timeoutMs?: number, subject?: string): Promise<ParsedMail>;
  close(): Promise<void>;
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to === undefined ? [] : [mail.to];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ""));
}

export async function startMailServer(): Promise<TestMailServer> {
  const received: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust, so no STARTTLS and login in the clear.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(new Error("bad login"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    waitForMail(to, timeoutMs = 20_000, subject = "") {
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = received.find(
            (m) => recipients(m).includes(to) && (m.subject ?? "").startsWith(subject),
          );
          if (mail === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${to} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
