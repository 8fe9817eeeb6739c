/**
 * A task's drafted email as an .eml file (RFC 5322 + MIME, RFC 2045–2047) a rep opens in a mail client,
 * completes and sends.
 *
 * - No To header. The prospect's contact is the searcher the rep knows, not something Northbound can
 *   name, and a guessed role address (info@domain) would send cold outreach to a shared inbox and hurt
 *   the carrier's sender reputation. The company is named in X-Northbound-To-Company instead, and RFC
 *   5322 needs only Date and From. With `X-Unsent: 1` Outlook opens the file as an unsent draft; other
 *   clients open it as a message the rep can "edit as new".
 * - From: the rep (name and email); a rep without an email, or no rep yet, gets a placeholder address
 *   on the reserved .invalid domain (RFC 2606) under the rep's or the carrier's name, which can never
 *   deliver and which the client replaces with the sending account.
 * - Non-ASCII header text is written as RFC 2047 B encoded-words in UTF-8, each ≤ 75 characters and
 *   holding whole characters; ASCII text is folded at spaces to keep lines ≤ 78 characters.
 * - The body is text/plain; charset=utf-8 in quoted-printable, encoded here (RFC 2045 §6.7): "=" and
 *   non-ASCII bytes as =XX, a space or tab ending a line as =20 / =09, soft breaks keeping every line
 *   ≤ 76 characters, and an "F" or "." opening a line escaped so that mbox "From " munging and SMTP
 *   dot-stuffing cannot alter the text. Lines end in CRLF; the body ends where the draft ends.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachTask } from '../domain/outreach-task.ts';
import { taskExportFacts, type TaskExportContext } from './export-hubspot-tasks.ts';

export type DraftEmlContext = TaskExportContext & { readonly now: Date };

export interface DraftEml {
  /** "T42-acme-foods.eml": ASCII letters, digits and dashes only. */
  readonly fileName: string;
  readonly text: string;
}

export const PLACEHOLDER_SENDER = 'outreach@northbound.invalid';

const MAX_HEADER_LINE = 76;
const MAX_QP_LINE = 76;
const ENCODED_WORD_OVERHEAD = '=?UTF-8?B?'.length + '?='.length;
const utf8 = new TextEncoder();

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 with padding (cores do without node's Buffer). */
function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    out += BASE64_ALPHABET[(triple >> 18) & 63] ?? '';
    out += BASE64_ALPHABET[(triple >> 12) & 63] ?? '';
    out += left > 1 ? (BASE64_ALPHABET[(triple >> 6) & 63] ?? '') : '=';
    out += left > 2 ? (BASE64_ALPHABET[triple & 63] ?? '') : '=';
  }
  return out;
}

const hex2 = (byte: number): string => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Quoted-printable of UTF-8 text; any line break in the input becomes CRLF. Linear in the length. */
export function encodeQuotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const bytes = utf8.encode(line);
      const physical: string[] = [];
      let current = '';
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const plain = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        let token = plain ? String.fromCharCode(byte) : hex2(byte);
        // Room for the token and, unless it ends the line, the "=" of a soft break after it.
        if (current.length + token.length > (last ? MAX_QP_LINE : MAX_QP_LINE - 1)) {
          physical.push(`${current}=`);
          current = '';
        }
        if (current === '' && (token === 'F' || token === '.')) token = hex2(byte);
        current += token;
      });
      physical.push(current);
      return physical.join('\r\n');
    })
    .join('\r\n');
}

/** Header text on one logical line: line breaks and other controls become spaces (no header injection). */
// eslint-disable-next-line no-control-regex
const oneLine = (value: string): string => value.replace(/\r\n|[\u0000-\u001F\u007F]/g, ' ');

const isPrintableAscii = (value: string): boolean => /^[\x20-\x7E]*$/.test(value);

/**
 * RFC 2047 B encoded-words for `value`, split so that the first line (after `firstLineUsed` characters
 * of header name) and every continuation stay within MAX_HEADER_LINE. Words hold whole characters, so
 * each decodes on its own; a decoder drops the folding whitespace between adjacent encoded-words.
 */
function encodedWords(value: string, firstLineUsed: number): string {
  const words: string[] = [];
  let chunk: number[] = [];
  let budget = 0;
  const budgetFor = (used: number): number =>
    Math.floor((MAX_HEADER_LINE - used - ENCODED_WORD_OVERHEAD) / 4) * 3;
  budget = budgetFor(firstLineUsed);
  const flush = (): void => {
    words.push(`=?UTF-8?B?${base64(chunk)}?=`);
    chunk = [];
    budget = budgetFor(1);
  };
  for (const char of value) {
    const bytes = utf8.encode(char);
    if (chunk.length > 0 && chunk.length + bytes.length > budget) flush();
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) flush();
  return words.join('\r\n ');
}

/** ASCII text folded before spaces so lines stay within MAX_HEADER_LINE where the words allow it. */
function foldAscii(value: string, firstLineUsed: number): string {
  const words = value.split(' ');
  let out = words[0] ?? '';
  let lineLength = firstLineUsed + out.length;
  for (const word of words.slice(1)) {
    // A fold goes before a space; never before an empty word, so no line is whitespace only.
    if (lineLength + 1 + word.length > MAX_HEADER_LINE && word !== '') {
      out += `\r\n ${word}`;
      lineLength = 1 + word.length;
    } else {
      out += ` ${word}`;
      lineLength += 1 + word.length;
    }
  }
  return out;
}

/** An unstructured header field (Subject, X-…): ASCII folded, anything else as encoded-words. */
function unstructuredHeader(name: string, value: string): string {
  const text = oneLine(value);
  const used = name.length + 2;
  // "=?" in plain text could be read as the start of an encoded-word, so such text is encoded too.
  const plain = isPrintableAscii(text) && !text.includes('=?') && text.split(' ').every((w) => w.length < 60);
  return `${name}: ${plain ? foldAscii(text, used) : encodedWords(text, used)}`;
}

const ATEXT_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;

/** `Name <address>` with the name as atoms, a quoted-string, or encoded-words when it is not ASCII. */
function mailboxHeader(name: string, displayName: string, address: string): string {
  const text = oneLine(displayName).trim();
  const used = name.length + 2;
  let phrase: string;
  if (text === '') phrase = '';
  else if (!isPrintableAscii(text) || text.includes('=?')) phrase = encodedWords(text, used);
  else if (ATEXT_PHRASE.test(text)) phrase = text;
  else phrase = `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
  return `${name}: ${phrase === '' ? '' : `${phrase} `}<${address}>`;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time in UTC: "Tue, 11 Jun 2024 14:00:00 +0000". */
function rfc5322Date(instant: Date): string {
  const day = DAY_NAMES[instant.getUTCDay()] ?? '';
  const month = MONTH_NAMES[instant.getUTCMonth()] ?? '';
  return (
    `${day}, ${pad2(instant.getUTCDate())} ${month} ${instant.getUTCFullYear()} ` +
    `${pad2(instant.getUTCHours())}:${pad2(instant.getUTCMinutes())}:${pad2(instant.getUTCSeconds())} +0000`
  );
}

/** Lowercase ASCII words joined by dashes: accents folded ("Épicerie Côté" → "epicerie-cote"). */
function slug(text: string, maxLength: number): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, maxLength).replace(/-+$/, '');
}

const ADDRESS = /^[^\s<>()",;:\\@]+@[^\s<>()",;:\\@]+$/;

/** The draft email of one task, ready to open in a mail client. */
export function exportDraftEml(task: OutreachTask, context: DraftEmlContext): DraftEml {
  const at = context.now.getTime();
  if (Number.isNaN(at)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot write the draft of task ${task.taskId}: now is not a valid date`,
    );
  }
  const facts = taskExportFacts(task, context);
  const repEmail = facts.rep?.email?.trim() ?? '';
  if (repEmail !== '' && !ADDRESS.test(repEmail)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot write the draft of task ${task.taskId}: rep ${facts.rep?.repId ?? ''}'s email "${repEmail}" is not an address`,
      { taskId: task.taskId, email: repEmail },
    );
  }
  const safeTaskId = task.taskId.replace(/[^A-Za-z0-9-]+/g, '-');
  const company =
    facts.companyDomain === null ? facts.companyLabel : `${facts.companyLabel} (${facts.companyDomain})`;
  const headers = [
    mailboxHeader(
      'From',
      facts.rep?.name ?? context.carrierName,
      repEmail === '' ? PLACEHOLDER_SENDER : repEmail,
    ),
    unstructuredHeader('X-Northbound-To-Company', company),
    unstructuredHeader('Subject', task.draft.email.subject),
    `Date: ${rfc5322Date(context.now)}`,
    `Message-ID: <${safeTaskId}.${at}@northbound>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Language: ${task.draft.language}`,
    `X-Northbound-Task: ${safeTaskId}`,
    'X-Unsent: 1',
  ];
  // No CRLF after the last body line: RFC 5322 allows a body to end without one, and adding it would
  // give the rep a draft with a line break the drafted text does not have.
  const text = `${headers.join('\r\n')}\r\n\r\n${encodeQuotedPrintable(task.draft.email.body)}`;
  const companySlug = slug(facts.companyLabel, 48) || 'prospect';
  return { fileName: `${safeTaskId}-${companySlug}.eml`, text };
}
