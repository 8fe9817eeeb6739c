import { NorthboundError } from '../domain/errors.ts';
import type { FlowNetwork } from '../optimize/flow-network.ts';

/** What each line kind holds, for "expected" messages. */
const LAYOUT = {
  p: 'p min <nodes> <arcs>',
  n: 'n <id> <supply>',
  a: 'a <tail> <head> <low> <cap> <cost>',
} as const;
const FIELD_COUNT = { p: 3, n: 2, a: 5 } as const;

/**
 * Reads a DIMACS min-cost flow file (`.min`, the format of the NETGEN benchmarks):
 *
 *   c <comment>
 *   p min <nodes> <arcs>                  once, before any n or a line
 *   n <id> <supply>                       at most once per node; unlisted nodes have supply 0
 *   a <tail> <head> <low> <cap> <cost>    exactly <arcs> of them
 *
 * Ids are 1-based in the file and 0-based in the FlowNetwork; `lower` is present only when some arc has
 * a non-zero low. Every number must be a decimal integer (the format's own rule, and what keeps solves
 * exact); blank lines are skipped, CRLF line ends and extra spaces or tabs accepted. Any other deviation
 * throws NorthboundError('invalid_input') naming the file, the line, the field, the value seen and what
 * was expected.
 *
 * Numbers are parsed straight from the text's character codes (no per-line split or substring), so a
 * 3 MB NETGEN file reads in tens of milliseconds. O(size of the text).
 */
export function readDimacsMinCostFlow(text: string, fileName: string): FlowNetwork {
  const length = text.length;
  let nodes = -1;
  let arcCount = 0;
  let supply = new Float64Array(0);
  let supplyListed = new Uint8Array(0);
  let tail = new Int32Array(0);
  let head = new Int32Array(0);
  let lower = new Float64Array(0);
  let capacity = new Float64Array(0);
  let cost = new Float64Array(0);
  let arcsRead = 0;
  let anyLower = false;

  // Scanner state: the current line [lineStart, lineEnd) and the token [tokenStart, tokenEnd).
  let lineNumber = 0;
  let lineStart = 0;
  let lineEnd = 0;
  let tokenStart = 0;
  let tokenEnd = 0;

  const isBlank = (code: number): boolean => code === 32 || code === 9 || code === 13;
  /** Advances to the next token on the line; false at the end of the line. */
  const nextToken = (): boolean => {
    let i = tokenEnd;
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    if (i === lineEnd) return false;
    tokenStart = i;
    while (i < lineEnd && !isBlank(text.charCodeAt(i))) i++;
    tokenEnd = i;
    return true;
  };
  const lineText = (): string => text.slice(lineStart, lineEnd).trim();
  const fail = (why: string, details: Record<string, unknown> = {}): never => {
    throw new NorthboundError('invalid_input', `Cannot read ${fileName} line ${lineNumber}: ${why}`, {
      file: fileName,
      line: lineNumber,
      ...details,
    });
  };
  const failFieldCount = (kind: 'p' | 'n' | 'a'): never => {
    const count = lineText().split(/\s+/).length - 1;
    return fail(`"${kind}" line has ${count} fields, expected ${FIELD_COUNT[kind]} (${LAYOUT[kind]})`, {
      text: lineText(),
    });
  };
  /** The next field as an integer in [min, max]; `expected` is only built when it is not. */
  const integerField = (
    kind: 'p' | 'n' | 'a',
    field: string,
    min: number,
    max: number,
    expected: () => string,
  ): number => {
    if (!nextToken()) failFieldCount(kind);
    const value = parseInteger(text, tokenStart, tokenEnd);
    if (!(value >= min && value <= max)) {
      const raw = text.slice(tokenStart, tokenEnd);
      fail(`field ${field} is "${raw}", expected ${expected()}`, { field, value: raw });
    }
    return value;
  };
  const anInteger = (): string => 'an integer';
  const aNodeId = (): string => `a node id in 1..${nodes}`;
  const endOfLine = (kind: 'p' | 'n' | 'a'): void => {
    if (nextToken()) failFieldCount(kind);
  };

  while (lineStart < length) {
    lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = length;
    lineNumber++;
    tokenEnd = lineStart;
    if (!nextToken()) {
      lineStart = lineEnd + 1;
      continue;
    }
    const kind = tokenEnd - tokenStart === 1 ? text[tokenStart] : text.slice(tokenStart, tokenEnd);
    switch (kind) {
      case 'c':
        break;
      case 'a': {
        if (nodes < 0) fail(`arc line before the problem line, expected "${LAYOUT.p}" first`);
        if (arcsRead === arcCount)
          fail(`arc ${arcsRead + 1} is more than the ${arcCount} the problem line declares`);
        const from = integerField('a', 'tail', 1, nodes, aNodeId) - 1;
        const to = integerField('a', 'head', 1, nodes, aNodeId) - 1;
        const low = integerField('a', 'low', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, anInteger);
        const cap = integerField('a', 'cap', low, Number.MAX_SAFE_INTEGER, () => `an integer ≥ low (${low})`);
        const unitCost = integerField(
          'a',
          'cost',
          -Number.MAX_SAFE_INTEGER,
          Number.MAX_SAFE_INTEGER,
          anInteger,
        );
        endOfLine('a');
        tail[arcsRead] = from;
        head[arcsRead] = to;
        lower[arcsRead] = low;
        capacity[arcsRead] = cap;
        cost[arcsRead] = unitCost;
        if (low !== 0) anyLower = true;
        arcsRead++;
        break;
      }
      case 'n': {
        if (nodes < 0) fail(`node line before the problem line, expected "${LAYOUT.p}" first`);
        const id = integerField('n', 'id', 1, nodes, aNodeId) - 1;
        const value = integerField(
          'n',
          'supply',
          -Number.MAX_SAFE_INTEGER,
          Number.MAX_SAFE_INTEGER,
          anInteger,
        );
        endOfLine('n');
        if (supplyListed[id] === 1) fail(`node ${id + 1} is listed twice, expected one "n" line per node`);
        supplyListed[id] = 1;
        supply[id] = value;
        break;
      }
      case 'p': {
        if (nodes >= 0) fail(`a second problem line, expected exactly one "${LAYOUT.p}"`);
        if (!nextToken()) failFieldCount('p');
        const problem = text.slice(tokenStart, tokenEnd);
        if (problem !== 'min') {
          fail(`field problem type is "${problem}", expected "min"`, {
            field: 'problem type',
            value: problem,
          });
        }
        nodes = integerField('p', 'nodes', 1, 2 ** 31 - 2, () => 'a positive integer node count');
        // Each arc line takes at least 12 bytes ("a 1 2 0 0 0\n"): a larger count cannot be honest.
        const room = Math.ceil(length / 12);
        arcCount = integerField(
          'p',
          'arcs',
          0,
          room,
          () => `a non-negative integer arc count, at most ${room} for this file's size`,
        );
        endOfLine('p');
        supply = new Float64Array(nodes);
        supplyListed = new Uint8Array(nodes);
        tail = new Int32Array(arcCount);
        head = new Int32Array(arcCount);
        lower = new Float64Array(arcCount);
        capacity = new Float64Array(arcCount);
        cost = new Float64Array(arcCount);
        break;
      }
      default:
        fail(`line type "${kind}", expected one of c, p, n, a`, { text: lineText() });
    }
    lineStart = lineEnd + 1;
  }

  if (nodes < 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot read ${fileName}: no problem line, expected "${LAYOUT.p}"`,
      {
        file: fileName,
      },
    );
  }
  if (arcsRead !== arcCount) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot read ${fileName}: ${arcsRead} arc lines, expected ${arcCount} as the problem line declares`,
      { file: fileName, arcs: arcsRead },
    );
  }
  return anyLower
    ? { nodes, supply, tail, head, lower, capacity, cost }
    : { nodes, supply, tail, head, capacity, cost };
}

/**
 * The decimal integer text[start, end) with an optional sign, as a safe JS integer; NaN for anything else
 * ("1e3", "0x1", "2.0", "x1").
 */
function parseInteger(text: string, start: number, end: number): number {
  const sign = text.charCodeAt(start);
  let i = sign === 45 /* - */ || sign === 43 /* + */ ? start + 1 : start;
  if (i === end || end - i > 16) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  if (!Number.isSafeInteger(value)) return NaN;
  return sign === 45 ? -value : value;
}
