/**
 * Reads COPY … TO STDOUT WITH (FORMAT binary) of a one-column query (a bytea): the 11-byte signature,
 * flags and header extension, then per row an int16 field count, an int32 length (−1 for NULL) and
 * the raw bytes, then the int16 −1 trailer. Returns each row's value as a view into one buffer holding
 * the whole output (the chunks are joined once: a value may straddle chunks). O(bytes).
 */
import { NorthboundError } from '../domain/errors.ts';

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];

function malformed(what: string, at: number): NorthboundError {
  return new NorthboundError(
    'internal',
    `Cannot read a binary COPY: ${what} at byte ${at}; expected PostgreSQL's binary COPY format with one column`,
    { at },
  );
}

export async function readCopyBinaryValues(
  chunks: AsyncIterable<Uint8Array>,
): Promise<(Uint8Array | null)[]> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.byteLength;
  }
  let bytes: Uint8Array;
  if (parts.length === 1) bytes = parts[0]!;
  else {
    bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
  }
  const values: (Uint8Array | null)[] = [];
  if (bytes.byteLength === 0) return values;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < SIGNATURE.length; i++)
    if (bytes[i] !== SIGNATURE[i]) throw malformed('no signature', i);
  let at = SIGNATURE.length + 4; // flags
  at += 4 + view.getUint32(at); // header extension
  for (;;) {
    if (at + 2 > bytes.byteLength) throw malformed('no trailer', at);
    const fields = view.getInt16(at);
    at += 2;
    if (fields === -1) return values;
    if (fields !== 1) throw malformed(`${fields} fields in a row`, at - 2);
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) {
      values.push(null);
      continue;
    }
    if (at + length > bytes.byteLength) throw malformed(`a value of ${length} bytes past the end`, at);
    values.push(bytes.subarray(at, at + length));
    at += length;
  }
}
