/**
 * A generated world's rows turned into what the intent cores read — landing arrivals, signal columns,
 * company sizes — without a database, so the evaluation harness can score many seeds quickly. Rows go
 * through the same row parsers as `northbound import` (places resolved by the same gazetteer), and a
 * signal id seen twice counts once, as the store's merge does; test/intent-store-parity.test.ts checks
 * that the store path gives the same columns.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import { isProvince, type Province } from '../domain/regions.ts';
import type { Equipment } from '../domain/equipment.ts';
import { parseDeliveryRow } from '../ingest/parse-delivery-row.ts';
import { parseSignalRow } from '../ingest/parse-signal-row.ts';
import { SCORING_LOOKBACK_DAYS } from '../intent/scoring-options.ts';
import { SignalColumnsBuilder, type SignalColumns } from '../intent/signal-columns.ts';
import type { LandingArrival } from '../zones/landing-zone.ts';
import type { DemoWorld } from './generate-world.ts';

const DAY_MS = 86_400_000;

export interface IntentInputs {
  readonly arrivals: LandingArrival[];
  readonly columns: SignalColumns;
  /** Employees per company id (null when no row said): the size baseline ranks by it. */
  readonly employees: ReadonlyMap<string, number | null>;
  readonly servedProvinces: readonly Province[];
}

export function worldIntentInputs(
  world: DemoWorld,
  gazetteer: Gazetteer,
  asOf: Date,
  options: { readonly deliveryWeeks: number },
): IntentInputs {
  const asOfMs = asOf.getTime();
  const truckEquipment = new Map<string, Equipment>();
  const served = new Set<Province>();
  for (const row of world.fleet()) {
    truckEquipment.set(row.truck_id, row.equipment as Equipment);
    if (isProvince(row.home_region)) served.add(row.home_region);
  }

  const arrivals: LandingArrival[] = [];
  const deliveriesFrom = asOfMs - options.deliveryWeeks * 7 * DAY_MS;
  let row = 1;
  for (const fields of world.deliveries()) {
    row++;
    const at = Date.parse(fields.delivered_at);
    if (!(at >= deliveriesFrom && at < asOfMs)) continue;
    const parsed = parseDeliveryRow(fields, { file: 'deliveries.csv', row, gazetteer });
    if (!parsed.ok) continue;
    const d = parsed.record;
    const equipment = d.equipment ?? truckEquipment.get(d.truckId);
    if (equipment === undefined) continue;
    arrivals.push({
      truckId: d.truckId,
      equipment,
      deliveredAtMs: d.deliveredAt.getTime(),
      lat: d.dest.lat,
      lon: d.dest.lon,
      marketId: d.dest.marketId,
      city: d.dest.city,
      region: d.dest.region,
    });
  }

  const builder = new SignalColumnsBuilder();
  const employees = new Map<string, number | null>();
  const seen = new Set<string>();
  const signalsFrom = asOfMs - SCORING_LOOKBACK_DAYS * DAY_MS;
  row = 1;
  for (const fields of world.signals()) {
    row++;
    if (fields.company_employees !== '') employees.set(fields.company_id, Number(fields.company_employees));
    else if (!employees.has(fields.company_id)) employees.set(fields.company_id, null);
    const at = Date.parse(fields.observed_at);
    if (!(at >= signalsFrom && at < asOfMs) || seen.has(fields.signal_id)) continue;
    seen.add(fields.signal_id);
    const parsed = parseSignalRow(fields, { file: 'signals.csv', row, gazetteer });
    if (!parsed.ok) continue;
    const s = parsed.record.signal;
    builder.add({
      companyId: s.companyId,
      searcherId: s.searcherId,
      observedAtMs: s.observedAt.getTime(),
      originLat: s.origin?.lat ?? null,
      originLon: s.origin?.lon ?? null,
      originMarketId: s.origin?.marketId ?? null,
      originCity: s.origin?.city ?? null,
      originRegion: s.originRegion,
      destRegion: s.destRegion,
      equipment: s.equipment,
      industry: s.industry,
    });
  }
  return { arrivals, columns: builder.build(), employees, servedProvinces: [...served] };
}
