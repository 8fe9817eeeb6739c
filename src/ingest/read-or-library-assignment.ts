/**
 * Reads an OR-Library linear assignment instance (Beasley 1990; data/benchmarks/README.md) into a square
 * sparse assignment problem. The file is a stream of whitespace-separated integers (lines have leading
 * and trailing blanks, some files lack a final newline), in one of two layouts:
 *   - dense  (assign100 … assign800):   n, then the n·n costs c(i,1) … c(i,n) row by row;
 *   - sparse (assignp800 … assignp5000): n, then one triple `i j c(i,j)` per allowed pair, 1-based;
 *     a pair not listed is forbidden, not free.
 * The layout is told from the count of numbers after n: n² means dense, a multiple of 3 sparse. When
 * both hold, the file's own line layout decides: a sparse file has exactly three numbers on the line
 * after n (a dense row of n ≥ 4 has more) and every index in 1…n; otherwise it is read as dense.
 * Indices become 0-based; every arc keeps the file's order within its row. Errors name the file, the
 * 1-based token number, the value seen and what was expected.
 * O(file length).
 */
import { NorthboundError } from '../domain/errors.ts';
import type { SparseAssignmentProblem } from '../optimize/sparse-assignment.ts';

/** Far above any published instance (n = 5000); keeps a corrupt header from allocating gigabytes. */
const MAX_ITEMS = 10_000_000;
/** How much of a bad token to echo. */
const ECHO_CHARS = 40;

export function readOrLibraryAssignment(text: string, fileName: string): SparseAssignmentProblem {
  const fail = (why: string): never => {
    throw new NorthboundError('invalid_input', `Cannot read ${fileName}: ${why}`, { file: fileName });
  };

  // Tokenise: every token a signed integer; remember which line tokens 2–5 start on. No calls in the
  // loop (V8 slows a loop that calls the message-building `fail`): a bad token stops it, then fails.
  const values = new Float64Array((text.length >> 1) + 1);
  let count = 0;
  let line = 0;
  const firstLines = [-1, -1, -1, -1];
  let badStart = -1;
  let badEnd = -1;
  for (let at = 0; at < text.length;) {
    const c = text.charCodeAt(at);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xfeff) {
      if (c === 10) line++;
      at++;
      continue;
    }
    const start = at;
    let end = at;
    for (; end < text.length; end++) {
      const e = text.charCodeAt(end);
      if (e === 32 || (e >= 9 && e <= 13) || e === 0xfeff) break;
    }
    at = end;
    const sign = text.charCodeAt(start);
    const digitsFrom = sign === 45 || sign === 43 ? start + 1 : start; // '-' or '+'
    let value = 0;
    let ok = digitsFrom < end;
    for (let k = digitsFrom; k < end && ok; k++) {
      const digit = text.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) ok = false;
      else value = value * 10 + digit;
    }
    if (!ok || value > Number.MAX_SAFE_INTEGER) {
      badStart = start;
      badEnd = end;
      break;
    }
    if (count >= 1 && count <= 4) firstLines[count - 1] = line;
    values[count++] = sign === 45 ? -value : value;
  }
  if (badStart >= 0) {
    const seen = text.slice(badStart, Math.min(badEnd, badStart + ECHO_CHARS));
    const isInteger = /^[-+]?[0-9]+$/.test(text.slice(badStart, badEnd));
    fail(
      `token ${count + 1} "${seen}" is not an integer${isInteger ? ' that fits exactly in a double' : ''}`,
    );
  }
  if (count === 0) fail('the file is empty, expected n (the number of items) followed by costs');
  const n = values[0]!;
  if (n < 1 || n > MAX_ITEMS) {
    fail(`token 1 (n, the number of items) is ${n}, expected an integer in 1…${MAX_ITEMS}`);
  }
  const numbers = count - 1;
  const denseFits = numbers === n * n;
  const sparseFits = numbers % 3 === 0;
  if (!denseFits && !sparseFits) {
    fail(
      `n = ${n} but ${numbers} numbers follow it; expected n² = ${n * n} (dense layout) ` +
        `or a multiple of 3 (sparse layout, one "i j cost" triple per allowed pair)`,
    );
  }
  // Tokens 2, 3, 4 on one line and token 5 (if any) on a later one: one triple per line.
  const tripleLines =
    firstLines[0] === firstLines[2] && (firstLines[3] === -1 || firstLines[3]! > firstLines[2]!);
  const sparse = !denseFits || (sparseFits && tripleLines && triplesInRange(n, values, numbers / 3));
  return sparse ? readSparse(n, values, numbers / 3, fail) : readDense(n, values);
}

/** Could the numbers be sparse triples? Decides the rare file whose count fits both layouts (n = 3). */
function triplesInRange(n: number, values: Float64Array, pairs: number): boolean {
  for (let k = 0; k < pairs; k++) {
    const i = values[1 + 3 * k]!;
    const j = values[2 + 3 * k]!;
    if (i < 1 || i > n || j < 1 || j > n) return false;
  }
  return true;
}

function readDense(n: number, values: Float64Array): SparseAssignmentProblem {
  const arcs = n * n;
  const rowStart = new Int32Array(n + 1);
  const colIndex = new Int32Array(arcs);
  for (let i = 0; i <= n; i++) rowStart[i] = i * n;
  for (let p = 0; p < arcs; p++) colIndex[p] = p % n;
  return { rows: n, cols: n, rowStart, colIndex, cost: values.slice(1, 1 + arcs) };
}

function readSparse(
  n: number,
  values: Float64Array,
  pairs: number,
  fail: (why: string) => never,
): SparseAssignmentProblem {
  const rowStart = new Int32Array(n + 1);
  let bad = -1;
  for (let k = 0; k < pairs; k++) {
    const i = values[1 + 3 * k]!;
    const j = values[2 + 3 * k]!;
    if (i < 1 || i > n || j < 1 || j > n) {
      bad = k;
      break;
    }
    rowStart[i]!++;
  }
  if (bad >= 0) {
    const token = 2 + 3 * bad; // 1-based token number of the bad pair's row index
    const i = values[token - 1]!;
    if (i < 1 || i > n) fail(`token ${token} (row index of pair ${bad + 1}) is ${i}, expected 1…${n}`);
    fail(`token ${token + 1} (column index of pair ${bad + 1}) is ${values[token]}, expected 1…${n}`);
  }
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  const fill = rowStart.slice(0, n);
  const colIndex = new Int32Array(pairs);
  const cost = new Float64Array(pairs);
  const pairOf = new Int32Array(pairs);
  for (let k = 0; k < pairs; k++) {
    const p = fill[values[1 + 3 * k]! - 1]!++;
    colIndex[p] = values[2 + 3 * k]! - 1;
    cost[p] = values[3 + 3 * k]!;
    pairOf[p] = k;
  }
  // A pair listed twice would make its cost ambiguous; OR-Library never does it.
  const lastRow = new Int32Array(n).fill(-1);
  const lastPair = new Int32Array(n);
  let repeat = -1;
  for (let i = 0; i < n && repeat < 0; i++) {
    for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
      const j = colIndex[p]!;
      if (lastRow[j] === i) {
        repeat = p;
        break;
      }
      lastRow[j] = i;
      lastPair[j] = pairOf[p]!;
    }
  }
  if (repeat >= 0) {
    const k = pairOf[repeat]!;
    const [i, j] = [values[1 + 3 * k]!, values[2 + 3 * k]!];
    fail(
      `pair ${k + 1} (tokens ${2 + 3 * k}–${4 + 3 * k}) repeats row ${i} column ${j}, ` +
        `already listed as pair ${lastPair[j - 1]! + 1}`,
    );
  }
  return { rows: n, cols: n, rowStart, colIndex, cost };
}
