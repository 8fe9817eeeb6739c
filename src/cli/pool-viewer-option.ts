/**
 * `--as broker` (the default) or `--as partner:ID`: who is looking at the pool (DESIGN.md §3.7). The
 * partner form names the partner so a partner's tooling can be pinned to one identity.
 */
import type { PoolViewer } from '../app/pool-store.ts';
import { NorthboundError } from '../domain/errors.ts';
import { asId, type PartnerId } from '../domain/ids.ts';

export function parsePoolViewer(value: string | undefined): PoolViewer {
  const text = (value ?? 'broker').trim();
  if (text === 'broker') return { role: 'broker' };
  const match = /^partner:(.+)$/.exec(text);
  const partnerId = match?.[1]?.trim();
  if (partnerId === undefined || partnerId === '') {
    throw new NorthboundError(
      'invalid_input',
      `Cannot read --as "${text}": expected "broker" or "partner:<partner_id>" (e.g. partner:P-maple)`,
      { value: text },
    );
  }
  return { role: 'partner', partnerId: asId<PartnerId>(partnerId) };
}
