/**
 * A raw Hocuspocus-protocol client over `ws`, for sending exactly the bytes an attacker would.
 * Message = varString(documentName) · varUint(type) · payload.
 */
import { once } from "node:events";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncStatus: 8 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

function isSyncMessage(bytes: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(bytes);
    decoding.readVarString(d);
    return decoding.readVarUint(d) === MESSAGE.sync;
  } catch {
    return false;
  }
}

export class RawClient {
  readonly ws: WebSocket;
  readonly received: Uint8Array[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on("message", (data: Buffer) => this.received.push(new Uint8Array(data)));
    this.closed = new Promise((resolve) =>
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
    const ws = new WebSocket(url, { headers });
    const client = new RawClient(ws);
    await once(ws, "open");
    return client;
  }

  send(bytes: Uint8Array | Buffer): void {
    this.ws.send(bytes);
  }

  frame(
    documentName: string,
    type: number,
    write: (e: encoding.Encoder) => void = () => {},
  ): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, documentName);
    encoding.writeVarUint(e, type);
    write(e);
    return encoding.toUint8Array(e);
  }

  /** Authenticates one document (empty token) and waits for the server's answer. */
  async authenticate(documentName: string, token: string): Promise<void> {
    const before = this.received.length;
    this.send(
      this.frame(documentName, MESSAGE.auth, (e) => {
        encoding.writeVarUint(e, 0); // Token
        encoding.writeVarString(e, token);
      }),
    );
    for (let i = 0; i < 200 && this.received.length === before; i++)
      await new Promise((r) => setTimeout(r, 10));
  }

  /**
   * Sends an empty SyncStep1 and waits for the server's answer: from then on the document is
   * open on the server and updates are applied, not queued behind authentication.
   */
  async handshake(documentName: string): Promise<void> {
    const before = this.received.length;
    this.send(
      this.frame(documentName, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC.step1);
        encoding.writeVarUint8Array(e, new Uint8Array([0]));
      }),
    );
    for (let i = 0; i < 500 && !this.received.slice(before).some(isSyncMessage); i++)
      await new Promise((r) => setTimeout(r, 10));
  }

  sendUpdate(documentName: string, update: Uint8Array): void {
    this.send(
      this.frame(documentName, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC.update);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  /** True if the server ever acknowledged an update as saved (SyncStatus true). */
  sawSavedAck(): boolean {
    return this.received.some((bytes) => {
      try {
        const d = decoding.createDecoder(bytes);
        decoding.readVarString(d);
        return decoding.readVarUint(d) === MESSAGE.syncStatus && decoding.readVarUint(d) === 1;
      } catch {
        return false;
      }
    });
  }
}
