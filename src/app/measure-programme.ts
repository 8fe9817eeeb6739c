/**
 * Use case: is it working (DESIGN.md §1 step 8, §3.9)? Builds the metrics core's records from the store
 * and computes the KPIs, before and after a programme start when one is given.
 *
 * - Trips: every southbound delivery in the window with its truck's home and the load it took back
 *   (a dispatch), or none (home empty). Miles are road miles (great-circle × 1.2) where the row gives
 *   none; CAD is converted at the configured rate. The zone is the delivery's market (or city); the
 *   corridor is "zone → home province · equipment"; the rep is the zone's territory owner.
 * - Tasks: each task's milestones from its audit events.
 * - The top of the funnel: companies searching in the 90 days before each period's end, scored, on
 *   "nearest landing zone within reach → searched province · equipment" — the same corridor key tasks
 *   carry, so the funnel lines up.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { ProspectScorer } from '../intent/score-prospects.ts';
import { GreatCircleRoadDistance, type DistanceProvider } from '../domain/geo.ts';
import { asId, type MarketId, type TenantId } from '../domain/ids.ts';
import { marketLabel } from '../domain/market.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { Region } from '../domain/regions.ts';
import { equipmentWords } from '../intent/explain-prospect.ts';
import { regionAt, equipmentAt } from '../intent/signal-columns.ts';
import { territoryOwners } from '../outreach/territory-owners.ts';
import { computeKpis, type KpiGrouping, type KpiReport } from '../metrics/compute-kpis.ts';
import type { CorridorSignals, KpiPeriodName, OutreachRecord, TripRecord } from '../metrics/trip-record.ts';
import type { TripFacts } from './cadence-store.ts';
import type { IntentReads, Store } from './ports.ts';
import { scoreIntent } from './score-intent.ts';

export interface MeasureProgrammeInput {
  readonly tenantId: TenantId;
  readonly from: Date;
  readonly to: Date;
  readonly baselineUntil?: Date | undefined;
  readonly by?: KpiGrouping | undefined;
  /** Reload radius of the zones, miles (100): a pickup inside it counts as a reload. */
  readonly reloadRadiusMiles?: number | undefined;
  readonly cadPerUsd: number;
}

export interface MeasureProgrammeDeps {
  readonly store: Store;
  readonly gazetteer: Pick<Gazetteer, 'market'>;
  readonly intent?: IntentReads | undefined;
  readonly distance?: DistanceProvider | undefined;
  /** Scores the signals for the corridors' zones (scoreProspects on this thread by default). */
  readonly scorer?: ProspectScorer | undefined;
}

export const corridorLabel = (zone: string, destRegion: Region, equipment: Equipment): string =>
  `${zone} → ${destRegion} · ${equipmentWords(equipment)}`;

export async function measureProgramme(
  deps: MeasureProgrammeDeps,
  input: MeasureProgrammeInput,
): Promise<KpiReport> {
  const { store, gazetteer } = deps;
  const distance = deps.distance ?? new GreatCircleRoadDistance();
  const radius = input.reloadRadiusMiles ?? 100;
  const reps = await store.cadence.reps(input.tenantId);
  // The first owner by rep id, by the same territory rule assignment uses.
  const ownersOf = territoryOwners([...reps].sort((a, b) => (a.repId < b.repId ? -1 : 1)));
  const ownerOf = (zone: string): string | null => ownersOf(zone)[0]?.repId ?? null;
  const facts = await store.cadence.trips(input.tenantId, input.from, input.to);
  const usd = (amount: number, currency: string) => (currency === 'CAD' ? amount / input.cadPerUsd : amount);
  const zoneOf = (t: TripFacts): string => {
    const market = t.destMarketId === null ? undefined : gazetteer.market(asId<MarketId>(t.destMarketId));
    return market === undefined ? `${t.destCity}, ${t.destRegion}` : marketLabel(market);
  };
  const trips: TripRecord[] = facts.map((t) => {
    const zone = zoneOf(t);
    const drop = { lat: t.destLat, lon: t.destLon };
    const reload = t.reload;
    return {
      truckId: t.truckId,
      deliveryId: t.deliveryId,
      deliveredAt: t.deliveredAt,
      zone,
      corridor: corridorLabel(zone, t.home.region, t.equipment),
      repId: ownerOf(zone),
      southboundLoadedMiles: t.loadedMiles ?? distance.roadMiles(t.home, drop),
      southboundRevenueUsd: t.revenue === null ? 0 : usd(t.revenue, t.currency),
      reload:
        reload === null
          ? null
          : {
              loadId: reload.loadId,
              pickedUpAt: reload.pickedUpAt,
              deadheadMiles: reload.deadheadMiles,
              loadedMiles: distance.roadMiles(
                { lat: reload.originLat, lon: reload.originLon },
                { lat: reload.destLat, lon: reload.destLon },
              ),
              revenueUsd: usd(reload.rate, reload.currency),
              withinReloadRadius: reload.deadheadMiles <= radius,
            },
      emptyHomeMiles: distance.roadMiles(
        reload === null ? drop : { lat: reload.destLat, lon: reload.destLon },
        t.home,
      ),
    };
  });

  const milestones = await store.cadence.taskMilestones(input.tenantId, input.from, input.to);
  const tasks: OutreachRecord[] = milestones.map((m) => ({
    taskId: m.taskId,
    tier: m.tier,
    repId: m.repId,
    corridor: corridorLabel(m.zoneLabel ?? 'outside the zones', m.destRegion, m.equipment),
    zone: m.zoneLabel,
    signalAt: m.signalAt,
    createdAt: m.createdAt,
    firstContactAt: m.firstContactAt,
    reachedQuotedAt: m.quotedAt,
    bookedAt: m.bookedAt,
    lostAt: m.lostAt,
  }));

  const periods: { name: KpiPeriodName; end: Date }[] =
    input.baselineUntil === undefined
      ? [{ name: 'all', end: input.to }]
      : [
          { name: 'before', end: input.baselineUntil },
          { name: 'after', end: input.to },
        ];
  const signals: CorridorSignals[] = [];
  for (const period of periods) {
    signals.push(...(await signallingCompanies(deps, input.tenantId, period.name, period.end)));
  }
  const fleetSize = (await store.countRows(input.tenantId)).trucks;
  return computeKpis(
    { trips, tasks, signals, fleetSize },
    { from: input.from, to: input.to, baselineUntil: input.baselineUntil, by: input.by },
  );
}

/** Companies searching in the 90 days before `asOf`, counted per corridor (zone within reach). */
async function signallingCompanies(
  deps: MeasureProgrammeDeps,
  tenantId: TenantId,
  period: KpiPeriodName,
  asOf: Date,
): Promise<CorridorSignals[]> {
  const { scores } = await scoreIntent(deps.intent ?? deps.store, deps.gazetteer, tenantId, {
    asOf,
    scorer: deps.scorer,
  });
  const counts = new Map<string, { zone: string | null; companies: number }>();
  for (let c = 0; c < scores.companies; c++) {
    if (scores.active[c] !== 1) continue;
    const near = scores.proximity[c]! > 0 ? scores.zoneOf(c) : null;
    const zone = near?.label ?? null;
    const key = corridorLabel(
      zone ?? 'outside the zones',
      regionAt(scores.modalDest[c]!),
      equipmentAt(scores.modalEquipment[c]!),
    );
    const entry = counts.get(key) ?? { zone, companies: 0 };
    entry.companies++;
    counts.set(key, entry);
  }
  return [...counts].map(([corridor, { zone, companies }]) => ({ period, corridor, zone, companies }));
}
