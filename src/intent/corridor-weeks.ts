/**
 * Weekly search counts per corridor (DESIGN.md §2: origin market — or the origin state when the
 * search is not near a market — × destination province × equipment), deduplicated like scoring.
 * Weeks are the 7-day periods counted back from asOf; the series run oldest first and end with the
 * week just before asOf (week t). One pass with a numeric-keyed map: O(n).
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import type { Region } from '../domain/regions.ts';
import { markDuplicates } from './mark-duplicates.ts';
import { REGIONS, equipmentAt, regionAt, type SignalColumns } from './signal-columns.ts';

export interface CorridorOrigin {
  /** The origin market's id, or null when the corridor starts from a state. */
  readonly marketId: string | null;
  readonly region: Region;
}

export interface CorridorSeries {
  readonly origin: CorridorOrigin;
  readonly destRegion: Region;
  readonly equipment: Equipment;
  /** Deduplicated searches per week, oldest first; the last element is week t. */
  readonly counts: Int32Array;
}

const DAY_MS = 86_400_000;

export function corridorWeeks(
  columns: SignalColumns,
  asOf: Date,
  weeks: number,
  duplicateWindowMinutes: number,
): CorridorSeries[] {
  const duplicate = markDuplicates(columns, duplicateWindowMinutes);
  const asOfMs = asOf.getTime();
  const spanMs = weeks * 7 * DAY_MS;
  const markets = columns.marketIds.length;
  const regions = REGIONS.length;
  const equipmentKinds = EQUIPMENT.length;
  const index = new Map<number, number>();
  const series: CorridorSeries[] = [];
  for (let i = 0; i < columns.length; i++) {
    const age = asOfMs - columns.observedAtMs[i]!;
    if (age <= 0 || age > spanMs || duplicate[i] === 1) continue;
    const market = columns.originMarket[i]!;
    const origin = market >= 0 ? market : markets + columns.originRegion[i]!;
    const key = (origin * regions + columns.destRegion[i]!) * equipmentKinds + columns.equipment[i]!;
    let at = index.get(key);
    if (at === undefined) {
      at = series.length;
      index.set(key, at);
      series.push({
        origin:
          market >= 0
            ? { marketId: columns.marketIds[market]!, region: regionAt(columns.originRegion[i]!) }
            : { marketId: null, region: regionAt(columns.originRegion[i]!) },
        destRegion: regionAt(columns.destRegion[i]!),
        equipment: equipmentAt(columns.equipment[i]!),
        counts: new Int32Array(weeks),
      });
    }
    const week = weeks - 1 - Math.floor((age - 1) / (7 * DAY_MS));
    series[at]!.counts[week]!++;
  }
  return series;
}
