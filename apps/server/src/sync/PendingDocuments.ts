/**
 * The documents one socket has sent messages for but not opened yet. Hocuspocus keeps those
 * messages in memory until the document is authenticated (and keeps them for as long as the
 * socket lives if it never is), so the gate counts them here: bytes held for the socket's cap,
 * and since when, for its deadline. Keys are Hocuspocus' message addresses (`documentName`, or
 * `documentName\0sessionId`); as in Hocuspocus, a message for the plain name of an open
 * document reaches that document.
 */

function nameOf(address: string): string {
  const separator = address.indexOf("\0");
  return separator === -1 ? address : address.slice(0, separator);
}

interface Waiting {
  bytes: number;
  readonly since: number;
}

export class PendingDocuments {
  private readonly open = new Set<string>();
  private readonly waiting = new Map<string, Waiting>();
  private held = 0;

  isOpen(address: string): boolean {
    return this.open.has(address) || this.open.has(nameOf(address));
  }

  /** Counts a message held for `address`; returns the bytes now held for the socket. */
  hold(address: string, bytes: number, now: number): number {
    const entry = this.waiting.get(address);
    if (entry) entry.bytes += bytes;
    else this.waiting.set(address, { bytes, since: now });
    this.held += bytes;
    return this.held;
  }

  /** The document is open: Hocuspocus has handed it what it held. */
  opened(address: string): void {
    this.dropped(address);
    this.open.add(address);
  }

  /** The document closed; messages for it are held again until it is authenticated anew. */
  closed(address: string): void {
    this.open.delete(address);
  }

  /** Authentication was refused: Hocuspocus let go of what it held. */
  dropped(address: string): void {
    const entry = this.waiting.get(address);
    if (!entry) return;
    this.held -= entry.bytes;
    this.waiting.delete(address);
  }

  get waitingCount(): number {
    return this.waiting.size;
  }

  /** When the longest-waiting document started waiting, or null when none waits. */
  oldestSince(): number | null {
    let oldest: number | null = null;
    for (const { since } of this.waiting.values())
      if (oldest === null || since < oldest) oldest = since;
    return oldest;
  }
}
