/**
 * Rep rows (DESIGN.md §7): a sales rep, the markets they own and how many open tasks they can carry.
 * Territories are market names as planners write them ("Dallas, TX"); outreach matches them to
 * markets, so they are kept as written, trimmed.
 */
import type { RepId } from '../domain/ids.ts';
import type { Rep } from '../domain/rep.ts';
import { COUNT, FieldReader } from './field-reader.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';

/** Open tasks a rep carries when the file does not say: a working week of follow-ups. */
export const DEFAULT_REP_CAPACITY = 25;

/** Loose on purpose: one @, no spaces, a dot in the domain. Deliverability is the mail server's call. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseRepRow(fields: Readonly<Record<string, string>>, ctx: RowContext): RowParseResult<Rep> {
  const r = new FieldReader(fields, ctx);
  const repId = r.requiredId<RepId>('rep_id');
  const name = r.required('name');
  const email = r.optional('email');
  if (email !== null && !EMAIL.test(email)) {
    r.fail(
      'email',
      email,
      'an email address like name@carrier.ca',
      `email ${JSON.stringify(email)} is not an email address`,
    );
  }
  // null is "absent" (take the default) or "invalid" (already an error, so the row is rejected below).
  const capacity = r.number('capacity', false, COUNT) ?? DEFAULT_REP_CAPACITY;
  const region = r.region('region', false);

  if (r.hasErrors || repId === null || name === null) return r.reject();
  return {
    ok: true,
    record: { repId, name, email, territories: r.list('territories'), capacity, region },
  };
}
