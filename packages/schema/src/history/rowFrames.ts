/**
 * The wire format of a range of logged rows (GET /api/maps/:id/updates): for each row, its
 * sequence number and length as little-endian u32s, then its bytes. Binary because a
 * history seek moves hundreds of updates and base64 in JSON would add a third to each.
 */
export interface RowFrame {
  readonly seq: number;
  readonly bytes: Uint8Array;
}

export function encodeRowFrames(rows: readonly RowFrame[]): Uint8Array {
  const size = rows.reduce((n, r) => n + 8 + r.bytes.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const row of rows) {
    view.setUint32(at, row.seq, true);
    view.setUint32(at + 4, row.bytes.length, true);
    out.set(row.bytes, at + 8);
    at += 8 + row.bytes.length;
  }
  return out;
}

/** Decodes frames; throws a RangeError on a truncated or malformed body. */
export function decodeRowFrames(body: Uint8Array): RowFrame[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const rows: RowFrame[] = [];
  let at = 0;
  while (at < body.length) {
    if (at + 8 > body.length) throw new RangeError("Truncated row frame header");
    const seq = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    if (at + 8 + length > body.length) throw new RangeError("Truncated row frame");
    rows.push({ seq, bytes: body.subarray(at + 8, at + 8 + length) });
    at += 8 + length;
  }
  return rows;
}
