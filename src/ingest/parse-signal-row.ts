/**
 * Signal rows (DESIGN.md §7): one observed search by a shipper for capacity, plus what the row says
 * about the shipper company. This is the bulk kind (≈200k rows in the demo, 10M in the large bench),
 * so the parser touches each field once and calls the gazetteer only when the row names an origin
 * finer than its state or province.
 */
import type { Company } from '../domain/company.ts';
import type { CompanyId, SearcherId, SignalId } from '../domain/ids.ts';
import type { IntentSignal } from '../domain/signal.ts';
import { COUNT, FieldReader } from './field-reader.ts';
import { placeColumns, readPlace } from './read-place.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';

/** A signal and the company facts carried on its row (the store upserts the company). */
export interface SignalRecord {
  readonly signal: IntentSignal;
  readonly company: Company;
}

const ORIGIN = placeColumns('origin', true);

export function parseSignalRow(
  fields: Readonly<Record<string, string>>,
  ctx: RowContext,
): RowParseResult<SignalRecord> {
  const r = new FieldReader(fields, ctx);
  const signalId = r.requiredId<SignalId>('signal_id');
  const observedAt = r.timestamp('observed_at', true);
  const companyId = r.requiredId<CompanyId>('company_id');
  const originRegion = r.region(ORIGIN.region, true);
  const destRegion = r.region('dest_region', true);
  const equipment = r.equipment('equipment', true);
  const searcherId = r.optionalId<SearcherId>('searcher_id');
  const employees = r.number('company_employees', false, COUNT);
  // Null when the row names only the origin region: intent is then known at state/province grain.
  const origin = readPlace(r, ORIGIN, originRegion);

  if (
    r.hasErrors ||
    signalId === null ||
    observedAt === null ||
    companyId === null ||
    originRegion === null ||
    destRegion === null ||
    equipment === null
  ) {
    return r.reject();
  }
  const industry = r.optional('industry');
  const domain = r.optional('company_domain');
  return {
    ok: true,
    record: {
      signal: {
        signalId,
        observedAt,
        companyId,
        searcherId,
        source: r.optional('source'),
        origin,
        originRegion,
        originZip: r.optional('origin_zip'),
        destCity: r.optional('dest_city'),
        destRegion,
        equipment,
        industry,
      },
      company: {
        companyId,
        name: r.optional('company_name'),
        // Domains are case-insensitive; one spelling lets the store match a company across sources.
        domain: domain === null ? null : domain.toLowerCase(),
        industry,
        employees,
      },
    },
  };
}
