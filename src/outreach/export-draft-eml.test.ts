import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { encodeQuotedPrintable, exportDraftEml, PLACEHOLDER_SENDER } from './export-draft-eml.ts';
import {
  CONTEXT,
  ENGLISH_DRAFT,
  FRENCH_BODY,
  FRENCH_DRAFT,
  makeTask,
  NOW,
} from './task-export-fixtures.test-support.ts';

const context = { ...CONTEXT, now: NOW };

const ENGLISH_BODY = [
  'Hi Dana,',
  '',
  'We land six dry vans a week in Dallas, Tuesday to Thursday, and they head home to Ontario empty: we are building committed, predictable northbound partnerships with shippers on that lane.',
  'From Dallas to Toronto our transit is 3 days.',
  'Rate = all-in, no fuel surprises.  ',
  'Café meeting next week?\t',
  'Best,',
  'Jane',
].join('\n');

const englishTask = makeTask({
  taskId: 'T42',
  draft: { ...ENGLISH_DRAFT, email: { subject: ENGLISH_DRAFT.email.subject, body: ENGLISH_BODY } },
});
const frenchTask = makeTask({
  taskId: 'T43',
  companyId: 'C2',
  companyName: 'Épicerie Côté',
  repId: 'R2',
  draft: FRENCH_DRAFT,
});

/** The header block and the body of a message, split at the first empty line. */
function parts(text: string): { headerLines: string[]; bodyLines: string[] } {
  const at = text.indexOf('\r\n\r\n');
  return { headerLines: text.slice(0, at).split('\r\n'), bodyLines: text.slice(at + 4).split('\r\n') };
}

describe('exportDraftEml', () => {
  it('writes an English draft a mail client reads back exactly: subject, body, sender', async () => {
    const { fileName, text } = exportDraftEml(englishTask, context);
    expect(fileName).toBe('T42-acme-foods.eml');
    const mail = await simpleParser(text);
    expect(mail.subject).toBe('Six dry vans a week in Dallas, heading home to Ontario');
    expect(mail.text).toBe(ENGLISH_BODY);
    expect(mail.from?.value).toEqual([{ name: 'Jane Doe', address: 'jane@northstar.example' }]);
    expect(mail.to).toBeUndefined();
    expect(mail.date?.toISOString()).toBe('2024-06-11T13:00:00.000Z');
    expect(mail.messageId).toBe('<T42.1718110800000@northbound>');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('x-northbound-task')).toBe('T42');
    expect(mail.headers.get('x-northbound-to-company')).toBe('Acme Foods (acmefoods.example)');
    expect(mail.headers.get('content-language')).toBe('en');
    const { headerLines } = parts(text);
    expect(headerLines).toEqual([
      'From: Jane Doe <jane@northstar.example>',
      'X-Northbound-To-Company: Acme Foods (acmefoods.example)',
      'Subject: Six dry vans a week in Dallas, heading home to Ontario',
      'Date: Tue, 11 Jun 2024 13:00:00 +0000',
      'Message-ID: <T42.1718110800000@northbound>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Language: en',
      'X-Northbound-Task: T42',
      'X-Unsent: 1',
    ]);
  });

  it('encodes the English body as quoted-printable, guarding "From ", trailing blanks and "="', () => {
    const { bodyLines } = parts(exportDraftEml(englishTask, context).text);
    expect(bodyLines).toEqual([
      'Hi Dana,',
      '',
      'We land six dry vans a week in Dallas, Tuesday to Thursday, and they head h=',
      'ome to Ontario empty: we are building committed, predictable northbound par=',
      'tnerships with shippers on that lane.',
      '=46rom Dallas to Toronto our transit is 3 days.',
      'Rate =3D all-in, no fuel surprises. =20',
      'Caf=C3=A9 meeting next week?=09',
      'Best,',
      'Jane',
    ]);
  });

  it('writes a French draft with its subject as UTF-8 encoded-words, read back exactly', async () => {
    const { fileName, text } = exportDraftEml(frenchTask, context);
    expect(fileName).toBe('T43-epicerie-cote.eml');
    const mail = await simpleParser(text);
    expect(mail.subject).toBe(FRENCH_DRAFT.email.subject);
    expect(mail.text).toBe(FRENCH_BODY);
    expect(mail.from?.value).toEqual([{ name: 'Émilie "Mimi" Côté', address: 'emilie@northstar.example' }]);
    expect(mail.headers.get('content-language')).toBe('fr');
    const { headerLines, bodyLines } = parts(text);
    expect(headerLines.find((line) => line.startsWith('Subject: '))).toMatch(
      /^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/,
    );
    expect(headerLines.every((line) => line.length <= 78 && /^[\x20-\x7E]*$/.test(line))).toBe(true);
    // Printable ASCII only, ≤ 76 characters, and no line ends in a blank a gateway could strip.
    const badLines = bodyLines.filter(
      (line) => line.length > 76 || !/^[\x20-\x7E]*$/.test(line) || /[ \t]$/.test(line),
    );
    expect(badLines).toEqual([]);
    expect(bodyLines).toContain('Taux =3D co=C3=BBt r=C3=A9el, sans surprise.  =20');
    expect(bodyLines).toContain('=2E');
  });

  it('folds a long ASCII subject at spaces and reads it back exactly', async () => {
    const subject =
      'Committed northbound capacity from Dallas to Ontario and Quebec, Tuesday to Thursday, every week  of the year';
    const { text } = exportDraftEml(
      makeTask({ draft: { ...ENGLISH_DRAFT, email: { subject, body: 'Hi' } } }),
      context,
    );
    const subjectLines = text.slice(text.indexOf('Subject: '), text.indexOf('\r\nDate: ')).split('\r\n');
    expect(subjectLines).toEqual([
      'Subject: Committed northbound capacity from Dallas to Ontario and Quebec,',
      ' Tuesday to Thursday, every week  of the year',
    ]);
    expect((await simpleParser(text)).subject).toBe(subject);
  });

  it('sends from a placeholder on the .invalid domain when no rep or no rep email is known', async () => {
    const unassigned = exportDraftEml(makeTask({ taskId: 'T7', state: 'new', repId: null }), context);
    expect(unassigned.text.split('\r\n')[0]).toBe(`From: Northstar Freight <${PLACEHOLDER_SENDER}>`);
    const noEmail = exportDraftEml(makeTask({ taskId: 'T8', repId: 'R3' }), context);
    expect((await simpleParser(noEmail.text)).from?.value).toEqual([
      { name: 'Sam Roe', address: PLACEHOLDER_SENDER },
    ]);
  });

  it('names files with a safe ASCII slug, whatever the company is called', () => {
    const named = (taskId: string, companyName: string | null): string =>
      exportDraftEml(makeTask({ taskId, companyName, companyId: 'C404' }), context).fileName;
    expect(named('T9', 'Ça Va Bien / Frères & Fils, Ltée')).toBe('T9-ca-va-bien-freres-fils-ltee.eml');
    expect(named('T10', '株式会社')).toBe('T10-prospect.eml');
    expect(named('T11', null)).toBe('T11-c404.eml');
    expect(named('T12', 'x'.repeat(80))).toBe(`T12-${'x'.repeat(48)}.eml`);
  });

  it('keeps header injection out: a line break in the subject becomes a space', async () => {
    const { text } = exportDraftEml(
      makeTask({
        draft: { ...ENGLISH_DRAFT, email: { subject: 'Hello\r\nBcc: all@example.com', body: 'Hi' } },
      }),
      context,
    );
    const mail = await simpleParser(text);
    expect(mail.subject).toBe('Hello Bcc: all@example.com');
    expect(mail.bcc).toBeUndefined();
  });

  it('refuses a rep email that is not an address, and an invalid export time', () => {
    const reps = new Map(CONTEXT.reps);
    const jane = reps.get('R1');
    if (jane) reps.set('R1', { ...jane, email: 'jane doe <jane@x>' });
    expect(() => exportDraftEml(englishTask, { ...context, reps })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: 'Cannot write the draft of task T42: rep R1\'s email "jane doe <jane@x>" is not an address',
      }),
    );
    expect(() => exportDraftEml(englishTask, { ...context, now: new Date(Number.NaN) })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('round-trips any body through mailparser with lines of ≤ 76 characters', async () => {
    const char = fc.constantFrom('a', 'F', 'r', 'o', 'm', ' ', '\t', '=', '.', '\n', 'é', '€', '😀');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: char, minLength: 1, maxLength: 300 }), async (body) => {
        const { text } = exportDraftEml(
          makeTask({ draft: { ...ENGLISH_DRAFT, email: { subject: 's', body } } }),
          context,
        );
        const { bodyLines } = parts(text);
        const mail = await simpleParser(text);
        return mail.text === body && bodyLines.every((line) => line.length <= 76 && !/[ \t]$/.test(line));
      }),
      { numRuns: 60 },
    );
  });
});

describe('encodeQuotedPrintable', () => {
  it('breaks softly before the 77th character and escapes an "F" or "." opening a physical line', () => {
    expect(encodeQuotedPrintable('x'.repeat(76))).toBe('x'.repeat(76));
    expect(encodeQuotedPrintable('x'.repeat(77))).toBe(`${'x'.repeat(75)}=\r\nxx`);
    expect(encodeQuotedPrintable(`${'x'.repeat(75)}From`)).toBe(`${'x'.repeat(75)}=\r\n=46rom`);
    // "é" is =C3=A9 and an escape is never cut: after 73 "x" even =C3 leaves no room for the "=".
    expect(encodeQuotedPrintable(`${'x'.repeat(72)}é`)).toBe(`${'x'.repeat(72)}=C3=\r\n=A9`);
    expect(encodeQuotedPrintable(`${'x'.repeat(73)}é`)).toBe(`${'x'.repeat(73)}=\r\n=C3=A9`);
    expect(encodeQuotedPrintable('a=b \nc\r\nd\re ')).toBe('a=3Db=20\r\nc\r\nd\r\ne=20');
  });
});
