import { NorthboundError } from '../domain/errors.ts';

/**
 * The elements of a one-dimensional PostgreSQL array in binary send format (array_send): int32
 * dimensions, int32 has-nulls flag, int32 element type oid, per dimension int32 length and int32 lower
 * bound, then per element an int32 byte length (−1 for NULL) and the element's own binary form. Returns
 * views into `bytes`, in array order; an empty array (0 dimensions) gives none. O(elements).
 */
export function binaryArrayElements(bytes: Uint8Array): (Uint8Array | null)[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (what: string, at: number) =>
    new NorthboundError(
      'internal',
      `Cannot read a binary array: ${what} at byte ${at}; expected a one-dimensional array in PostgreSQL's binary format`,
      { at },
    );
  if (bytes.byteLength < 12) throw fail('a header shorter than 12 bytes', 0);
  const dimensions = view.getInt32(0);
  if (dimensions === 0) return [];
  if (dimensions !== 1) throw fail(`${dimensions} dimensions`, 0);
  const length = view.getInt32(12);
  let at = 20;
  const elements: (Uint8Array | null)[] = new Array(length);
  for (let i = 0; i < length; i++) {
    if (at + 4 > bytes.byteLength) throw fail(`element ${i} past the end`, at);
    const size = view.getInt32(at);
    at += 4;
    if (size < 0) {
      elements[i] = null;
      continue;
    }
    if (at + size > bytes.byteLength) throw fail(`element ${i} of ${size} bytes past the end`, at);
    elements[i] = bytes.subarray(at, at + size);
    at += size;
  }
  return elements;
}
