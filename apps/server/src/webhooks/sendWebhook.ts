/**
 * One delivery attempt: POST the signed JSON body to the hook's URL and report what came back.
 * Signed per Standard Webhooks (the `standardwebhooks` package): `webhook-signature` is
 * `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` with the hook's secret. Bounded: a
 * deadline for the whole exchange, at most MAX_RESPONSE_BYTES of the answer read (then the
 * socket is dropped), no redirects followed, and the connection made only to addresses the
 * address policy allows (checked on the resolved address, not just the name).
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { WEBHOOK_HEADERS } from "@journeymap/protocol/http";
import { Webhook } from "standardwebhooks";
import { checkedLookup, hostOf, isPublicAddress } from "./addressPolicy.ts";

/** What of an answer is read: enough for a status line's story; the rest is dropped. */
export const MAX_RESPONSE_BYTES = 16 * 1024;
/** Errors kept in the log are cut to this. */
const MAX_ERROR_CHARS = 300;
const USER_AGENT = "Journeymap-Webhooks/1";

export interface Outgoing {
  readonly url: string;
  readonly secret: string;
  /** The delivery's id: the same on every attempt, so receivers can de-duplicate. */
  readonly id: string;
  readonly body: string;
}

export interface SendOptions {
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  readonly now: () => number;
}

export type SendResult =
  | { readonly ok: true; readonly status: number; readonly durationMs: number }
  | {
      readonly ok: false;
      readonly status: number | null;
      readonly error: string;
      readonly durationMs: number;
    };

/** The three signature headers for `body` sent at `at`. */
export function signatureHeaders(
  secret: string,
  id: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    [WEBHOOK_HEADERS.id]: id,
    [WEBHOOK_HEADERS.timestamp]: String(Math.floor(at.getTime() / 1000)),
    [WEBHOOK_HEADERS.signature]: new Webhook(secret).sign(id, at, body),
  };
}

export function sendWebhook(out: Outgoing, options: SendOptions): Promise<SendResult> {
  const started = options.now();
  const elapsed = () => Math.max(0, options.now() - started);
  const failed = (error: string, status: number | null = null): SendResult => ({
    ok: false,
    status,
    error: error.slice(0, MAX_ERROR_CHARS),
    durationMs: elapsed(),
  });
  const url = new URL(out.url);
  // A literal address is connected to without a lookup: check it here.
  const host = hostOf(url);
  if (!options.allowPrivate && net.isIP(host) !== 0 && !isPublicAddress(host))
    return Promise.resolve(failed(`${host} is not a public address`));
  const body = Buffer.from(out.body);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = client.request(url, {
      method: "POST",
      agent: false,
      lookup: checkedLookup(options.allowPrivate),
      headers: {
        "content-type": "application/json",
        "content-length": String(body.length),
        "user-agent": USER_AGENT,
        ...signatureHeaders(out.secret, out.id, new Date(options.now()), out.body),
      },
    });
    const deadline = setTimeout(() => {
      finish(failed(`no answer within ${options.timeoutMs} ms`));
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error) => finish(failed(error.message || String(error))));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      const done = () => {
        response.destroy();
        finish(
          status >= 200 && status < 300
            ? { ok: true, status, durationMs: elapsed() }
            : failed(`answered ${status}`, status),
        );
      };
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read >= MAX_RESPONSE_BYTES) done();
      });
      response.on("end", done);
      response.on("error", done);
    });
    request.end(body);
  });
}
