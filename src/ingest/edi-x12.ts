/**
 * ASC X12 (004010) interchange reader for the broker's EDI (DESIGN.md §3.7): splits an interchange into
 * segments and elements and checks the envelope (ISA/IEA, GS/GE, ST/SE) before any transaction set is
 * read, so a 204 parser only ever sees complete, counted transaction sets.
 *
 * Delimiters are not fixed by the standard; the ISA header declares them. The ISA is fixed-width: its
 * element separator is character 4, its sub-element separator ISA-16 is character 105 and the segment
 * terminator is character 106. Line breaks after a terminator (common in files people open in editors)
 * are ignored.
 *
 * Segment numbers are 1-based positions in the interchange (ISA = 1), so an error points at the segment
 * a user counts to in the file; element positions are 1-based as in X12 ("G62-02"). Linear in the input.
 */
import { NorthboundError } from '../domain/errors.ts';

/** One segment: `elements[0]` is the segment id, `elements[n]` is element n (e.g. B2-04 = elements[4]). */
export interface X12Segment {
  readonly id: string;
  readonly elements: readonly string[];
  /** 1-based position in the interchange (ISA = 1). */
  readonly number: number;
}

export interface X12Transaction {
  /** ST-01, e.g. '204' or '990'. */
  readonly setId: string;
  /** ST-02, echoed by SE-02. */
  readonly controlNumber: string;
  readonly st: X12Segment;
  /** The segments between ST and SE, exclusive. */
  readonly body: readonly X12Segment[];
}

export interface X12Group {
  /** GS-01 functional identifier: SM for load tenders, GF for responses. */
  readonly functionalId: string;
  readonly senderCode: string;
  readonly receiverCode: string;
  readonly controlNumber: string;
  readonly transactions: readonly X12Transaction[];
}

export interface X12Interchange {
  readonly elementSeparator: string;
  readonly subElementSeparator: string;
  readonly segmentTerminator: string;
  /** ISA-05 / ISA-06: who sent the interchange (the 990 goes back to them). */
  readonly senderQualifier: string;
  readonly senderId: string;
  /** ISA-07 / ISA-08. */
  readonly receiverQualifier: string;
  readonly receiverId: string;
  readonly controlNumber: string;
  /** ISA-15: P production, T test. */
  readonly usage: string;
  readonly groups: readonly X12Group[];
}

/** The widths of ISA-01 … ISA-16; the ISA is 106 characters with its terminator. */
export const ISA_WIDTHS: readonly number[] = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];
export const ISA_LENGTH = 106;

/** Two-digit element position as X12 guides write it ("02"). */
export const elementLabel = (position: number): string => String(position).padStart(2, '0');

/**
 * The one error for unreadable EDI: a NorthboundError (invalid_input) that also carries where it
 * happened, in the words of an X12 implementation guide. `element` is 0 when the segment as a whole is
 * at fault (missing, out of place, wrong count).
 */
export class EdiError extends NorthboundError {
  readonly file: string;
  readonly segment: number;
  readonly segmentId: string;
  readonly element: number;
  readonly value: string;
  readonly expected: string;

  constructor(
    file: string,
    segment: Pick<X12Segment, 'number' | 'id'>,
    element: number,
    value: string,
    expected: string,
    problem: string,
  ) {
    const where = element > 0 ? `element ${elementLabel(element)} ${JSON.stringify(value)} ` : '';
    super(
      'invalid_input',
      `Cannot read ${file} segment ${segment.number} (${segment.id || '?'}): ${where}${problem}`,
      { file, segment: segment.number, segmentId: segment.id, element, value, expected },
    );
    this.name = 'EdiError';
    this.file = file;
    this.segment = segment.number;
    this.segmentId = segment.id;
    this.element = element;
    this.value = value;
    this.expected = expected;
  }
}

/** Element `position` of a segment, '' when absent (X12 drops trailing empty elements). */
export const elementAt = (segment: X12Segment, position: number): string => segment.elements[position] ?? '';

/** Reads the fixed-width ISA, returning its 16 elements and the three delimiters. */
function readIsa(text: string, file: string): { isa: X12Segment; terminator: string } {
  const first = { number: 1, id: 'ISA' };
  if (!text.startsWith('ISA')) {
    throw new EdiError(
      file,
      first,
      0,
      text.slice(0, 3),
      'ISA',
      `does not start with ISA: the file is not X12`,
    );
  }
  const separator = text.charAt(3);
  if (separator === '' || /[A-Za-z0-9 ]/.test(separator)) {
    throw new EdiError(
      file,
      first,
      0,
      separator,
      'a punctuation element separator',
      'has no element separator',
    );
  }
  // Walk the 16 elements by the separator; a short or long element shows as a width mismatch.
  const elements = ['ISA'];
  let start = 4;
  for (let position = 1; position <= 16; position += 1) {
    const end = position === 16 ? start + 1 : text.indexOf(separator, start);
    if (end === -1 || end > text.length) {
      throw new EdiError(file, first, position, text.slice(start, start + 20), 'ISA element', 'is missing');
    }
    const value = text.slice(start, end);
    const width = ISA_WIDTHS[position - 1] ?? 0;
    if (value.length !== width) {
      throw new EdiError(
        file,
        first,
        position,
        value,
        `${width} characters`,
        `is ${value.length} characters, expected ${width} (the ISA is fixed-width, ${ISA_LENGTH} characters)`,
      );
    }
    elements.push(value);
    start = end + 1;
  }
  const terminator = text.charAt(ISA_LENGTH - 1);
  const subSeparator = elements[16] ?? '';
  if (terminator === '' || /[A-Za-z0-9]/.test(terminator) || terminator === separator) {
    throw new EdiError(
      file,
      first,
      0,
      terminator,
      'a segment terminator at position 106',
      `has no segment terminator at position ${ISA_LENGTH} (saw ${JSON.stringify(terminator)})`,
    );
  }
  if (subSeparator === separator || subSeparator === terminator) {
    throw new EdiError(file, first, 16, subSeparator, 'a distinct separator', 'repeats another delimiter');
  }
  return { isa: { id: 'ISA', elements, number: 1 }, terminator };
}

/** Splits the whole interchange into segments (ISA first). */
export function tokenizeX12(
  text: string,
  file: string,
): { segments: X12Segment[]; isa: X12Segment; elementSeparator: string; segmentTerminator: string } {
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  const { isa, terminator } = readIsa(body, file);
  const separator = body.charAt(3);
  const segments: X12Segment[] = [isa];
  for (const raw of body.slice(ISA_LENGTH).split(terminator)) {
    const trimmed = raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
    if (trimmed === '') continue;
    const elements = trimmed.split(separator);
    const id = elements[0] ?? '';
    const segment = { id, elements, number: segments.length + 1 };
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) {
      throw new EdiError(
        file,
        segment,
        0,
        id,
        'a segment id',
        `has no valid segment id ${JSON.stringify(id)}`,
      );
    }
    segments.push(segment);
  }
  return { segments, isa, elementSeparator: separator, segmentTerminator: terminator };
}

/** Fails unless `segment` exists and is `id`; `after` names where it was looked for. */
function expectSegment(
  segment: X12Segment | undefined,
  id: string,
  file: string,
  last: X12Segment,
  after: string,
): X12Segment {
  if (segment === undefined) {
    throw new EdiError(file, last, 0, '', id, `is followed by the end of the file, expected ${id} ${after}`);
  }
  if (segment.id !== id) {
    throw new EdiError(file, segment, 0, segment.id, id, `is out of place: expected ${id} ${after}`);
  }
  return segment;
}

/** Fails unless a trailer's count element equals what was counted. */
function checkCount(file: string, trailer: X12Segment, position: number, counted: number, of: string): void {
  const value = elementAt(trailer, position);
  if (!/^\d+$/.test(value) || Number(value) !== counted) {
    throw new EdiError(
      file,
      trailer,
      position,
      value,
      String(counted),
      `does not match the ${counted} ${of}`,
    );
  }
}

/** Fails unless a trailer echoes its header's control number. */
function checkControl(file: string, trailer: X12Segment, position: number, header: string, of: string): void {
  const value = elementAt(trailer, position);
  if (value.trim() !== header.trim()) {
    throw new EdiError(
      file,
      trailer,
      position,
      value,
      header,
      `does not match the ${of} control number "${header}"`,
    );
  }
}

/**
 * Reads and checks an interchange: ISA, one or more GS … GE groups of ST … SE transaction sets, IEA.
 * Counts (SE-01 segments including ST and SE, GE-01 sets, IEA-01 groups) and control numbers must agree.
 */
export function parseEdiX12(text: string, file: string): X12Interchange {
  const { segments, isa, elementSeparator, segmentTerminator } = tokenizeX12(text, file);
  let index = 1;
  const groups: X12Group[] = [];
  while (segments[index]?.id === 'GS') {
    const gs = segments[index] as X12Segment;
    index += 1;
    const transactions: X12Transaction[] = [];
    while (segments[index]?.id === 'ST') {
      const st = segments[index] as X12Segment;
      const start = index;
      index += 1;
      while (index < segments.length && !['SE', 'ST', 'GE', 'IEA'].includes(segments[index]?.id ?? ''))
        index += 1;
      const se = segments[index];
      if (se?.id !== 'SE') {
        const seen = se === undefined ? 'the end of the file' : `segment ${se.number} (${se.id})`;
        throw new EdiError(file, st, 2, elementAt(st, 2), 'SE', `has no SE trailer before ${seen}`);
      }
      checkCount(file, se, 1, index - start + 1, 'segments from ST to SE');
      checkControl(file, se, 2, elementAt(st, 2), 'ST-02');
      transactions.push({
        setId: elementAt(st, 1),
        controlNumber: elementAt(st, 2),
        st,
        body: segments.slice(start + 1, index),
      });
      index += 1;
    }
    const ge = expectSegment(segments[index], 'GE', file, segments[index - 1] as X12Segment, 'to close GS');
    checkCount(file, ge, 1, transactions.length, 'transaction sets in the group');
    checkControl(file, ge, 2, elementAt(gs, 6), 'GS-06');
    groups.push({
      functionalId: elementAt(gs, 1),
      senderCode: elementAt(gs, 2),
      receiverCode: elementAt(gs, 3),
      controlNumber: elementAt(gs, 6),
      transactions,
    });
    index += 1;
  }
  const iea = expectSegment(
    segments[index],
    'IEA',
    file,
    segments[index - 1] as X12Segment,
    'after the groups',
  );
  checkCount(file, iea, 1, groups.length, 'functional groups');
  checkControl(file, iea, 2, elementAt(isa, 13), 'ISA-13');
  const extra = segments[index + 1];
  if (extra !== undefined) {
    throw new EdiError(file, extra, 0, extra.id, 'nothing after IEA', 'follows the IEA trailer');
  }
  return {
    elementSeparator,
    subElementSeparator: elementAt(isa, 16),
    segmentTerminator,
    senderQualifier: elementAt(isa, 5).trim(),
    senderId: elementAt(isa, 6).trim(),
    receiverQualifier: elementAt(isa, 7).trim(),
    receiverId: elementAt(isa, 8).trim(),
    controlNumber: elementAt(isa, 13),
    usage: elementAt(isa, 15),
    groups,
  };
}

// X12 data types (DT date, TM time, R decimal), read with errors that name the element.

/** CCYYMMDD → that date's 00:00 UTC, or an error naming the element. */
export function readX12Date(file: string, segment: X12Segment, position: number): number {
  const value = elementAt(segment, position);
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  const back = new Date(ms);
  if (!match || back.getUTCMonth() + 1 !== Number(match[2]) || back.getUTCDate() !== Number(match[3])) {
    throw new EdiError(file, segment, position, value, 'a date CCYYMMDD', 'is not a date CCYYMMDD');
  }
  return ms;
}

/** HHMM or HHMMSS → minutes into the day (seconds dropped), null when blank. */
export function readX12Time(file: string, segment: X12Segment, position: number): number | null {
  const value = elementAt(segment, position);
  if (value === '') return null;
  const match = /^(\d{2})(\d{2})(\d{2})?$/.exec(value);
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 23 || m > 59 || Number(match[3] ?? 0) > 59) {
    throw new EdiError(file, segment, position, value, 'a time HHMM', 'is not a time HHMM (00:00 to 23:59)');
  }
  return h * 60 + m;
}

/** A non-negative decimal, or an error naming the element. */
export function readX12Decimal(
  file: string,
  segment: X12Segment,
  position: number,
  expected: string,
): number {
  const value = elementAt(segment, position);
  if (!/^\d*\.?\d+$/.test(value)) {
    throw new EdiError(file, segment, position, value, expected, `is not ${expected}`);
  }
  return Number(value);
}
