/**
 * The header of a Hocuspocus message (either way): varString(address) · varUint(type) — and,
 * for authentication messages, varUint(auth type). Read without decoding the rest.
 */
import * as decoding from "lib0/decoding";

/** Hocuspocus' MessageType.Auth and its AuthMessageType values. */
export const AUTH_MESSAGE = 2;

/** y-protocols' sync message types that carry document content (SyncStep2 and Update). */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** True for the sync messages that carry changes (what beforeSync hooks check and log). */
export function carriesUpdate(syncType: number): boolean {
  return syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE;
}
export const AUTH = { permissionDenied: 1, authenticated: 2 } as const;

/** Hocuspocus' MessageType.Sync and MessageType.SyncStatus ("your update is applied"). */
const SYNC = 0;
const SYNC_STATUS = 8;

/** Whether an outgoing message tells of document content: a sync message or an acknowledgement. */
export function isHeldUntilSaved(type: number): boolean {
  return type === SYNC || type === SYNC_STATUS;
}

/** The document a message address names (`documentName` or `documentName\0sessionId`). */
export function documentOf(address: string): string {
  const end = address.indexOf("\0");
  return end === -1 ? address : address.slice(0, end);
}
export interface MessageHeader {
  /** `documentName` or `documentName\0sessionId`. */
  readonly address: string;
  readonly type: number;
  /** For authentication messages: which one; otherwise null. */
  readonly authType: number | null;
}

export function readMessageHeader(bytes: Uint8Array): MessageHeader | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const address = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    const authType = type === AUTH_MESSAGE ? decoding.readVarUint(decoder) : null;
    return { address, type, authType };
  } catch {
    return null;
  }
}
