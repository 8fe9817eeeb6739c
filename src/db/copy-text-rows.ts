/**
 * Reads COPY … TO STDOUT text format: one row per line, fields separated by tabs, `\N` for NULL, and
 * backslash escapes for tab, newline, carriage return and backslash inside values. Chunks may end
 * mid-line (or mid-character): a line is decoded only once its newline has arrived — a newline byte
 * never occurs inside a UTF-8 multi-byte character, so cutting there is safe.
 */
export const COPY_NULL = '\\N';

const ESCAPES: Readonly<Record<string, string>> = {
  t: '\t',
  n: '\n',
  r: '\r',
  '\\': '\\',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** A field's value, with escapes undone; null for `\N`. */
export function copyField(raw: string): string | null {
  if (raw === COPY_NULL) return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/**
 * Calls `onRow` with each row's raw fields (still escaped: pass through copyField where a value may
 * hold one) and returns the row count. A callback, not an async generator: one promise per row would
 * cost more than the parsing at millions of rows.
 */
export async function readCopyRows(
  chunks: AsyncIterable<Uint8Array>,
  onRow: (fields: string[]) => void,
): Promise<number> {
  let rows = 0;
  const decoder = new TextDecoder();
  let carry: Uint8Array | null = null;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (carry !== null) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
      carry = null;
    }
    const lastNewline = bytes.lastIndexOf(10);
    if (lastNewline < 0) {
      carry = bytes;
      continue;
    }
    if (lastNewline < bytes.length - 1) carry = bytes.slice(lastNewline + 1);
    const text = decoder.decode(bytes.subarray(0, lastNewline));
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      onRow(text.slice(start, end).split('\t'));
      rows++;
      start = end + 1;
    }
  }
  if (carry !== null && carry.length > 0) {
    onRow(decoder.decode(carry).split('\t'));
    rows++;
  }
  return rows;
}
