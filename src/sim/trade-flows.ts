/**
 * BTS TransBorder truck flows turned into truckload weights by equipment.
 *
 * Tonnage is the unit throughout: truckloads scale with weight for most freight, and weight is what
 * BTS records for imports. Exports carry no weight (data/README.md §1), so export tonnage is
 * estimated from the export value with the import value density (kg per USD) of the same HS2 chapter,
 * as the README suggests. Each chapter's tonnage is then split over trailer types by
 * hs2EquipmentShares; shares that go to trailers the product does not plan for are dropped.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import type { Province, UsState } from '../domain/regions.ts';
import { hs2EquipmentShares, isFoodChapter } from './hs2-equipment.ts';
import type { ReferenceData, ShipperSector, TradeFlow } from './reference-data.ts';
import { WeightedPicker } from './weighted-picker.ts';

/** One kind of northbound freight a US shipper may have: where it goes, what it is, what hauls it. */
export interface NorthboundFreight {
  readonly province: Province;
  readonly hs2: string;
  readonly equipment: Equipment;
}

type Key = string;
const key = (...parts: readonly string[]): Key => parts.join('|');

function addTo(map: Map<Key, number>, k: Key, amount: number): void {
  map.set(k, (map.get(k) ?? 0) + amount);
}

export class TradeFlows {
  /** Southbound (CA→US) tonnage per province × state × equipment. */
  private readonly importKg = new Map<Key, number>();
  /** Northbound (US→CA) estimated tonnage per state × province × hs2 × equipment. */
  private readonly exportCells: { state: UsState; freight: NorthboundFreight; kg: number }[] = [];
  private readonly commodityNames = new Map<string, string>();
  private readonly landingCache = new Map<Key, WeightedPicker<UsState> | null>();
  private readonly freightCache = new Map<Key, WeightedPicker<NorthboundFreight> | null>();
  readonly importKgByProvince = new Map<Province, number>();
  readonly exportKgByState = new Map<UsState, number>();

  constructor(reference: Pick<ReferenceData, 'tradeFlows' | 'hs2Commodities'>) {
    for (const commodity of reference.hs2Commodities) this.commodityNames.set(commodity.hs2, commodity.name);
    const density = importDensity(reference.tradeFlows);
    for (const flow of reference.tradeFlows) {
      const shares = hs2EquipmentShares(flow.hs2);
      const kg =
        flow.direction === 'import'
          ? (flow.weightKg ?? 0)
          : flow.valueUsd * (density.byHs2.get(flow.hs2) ?? density.overall);
      if (!(kg > 0)) continue;
      for (const equipment of EQUIPMENT) {
        const share = shares[equipment] ?? 0;
        if (share <= 0) continue;
        const servedKg = kg * share;
        if (flow.direction === 'import') {
          addTo(this.importKg, key(flow.province, flow.usState, equipment), servedKg);
          this.importKgByProvince.set(
            flow.province,
            (this.importKgByProvince.get(flow.province) ?? 0) + servedKg,
          );
        } else {
          this.exportCells.push({
            state: flow.usState,
            freight: { province: flow.province, hs2: flow.hs2, equipment },
            kg: servedKg,
          });
          this.exportKgByState.set(flow.usState, (this.exportKgByState.get(flow.usState) ?? 0) + servedKg);
        }
      }
    }
  }

  /** Southbound tonnage from a province to a state on one trailer type. */
  importKgOf(province: Province, state: UsState, equipment: Equipment): number {
    return this.importKg.get(key(province, state, equipment)) ?? 0;
  }

  /** A province's southbound tonnage split by trailer type: what its carriers' fleets look like. */
  importKgByEquipment(province: Province): Map<Equipment, number> {
    const result = new Map<Equipment, number>();
    for (const [k, kg] of this.importKg) {
      const [p, , equipment] = k.split('|') as [Province, UsState, Equipment];
      if (p === province) result.set(equipment, (result.get(equipment) ?? 0) + kg);
    }
    return result;
  }

  /** Southbound tonnage from a province by destination state, on one trailer type. */
  landingStateTonnage(province: Province, equipment: Equipment): Map<UsState, number> {
    const weights = new Map<UsState, number>();
    for (const [k, kg] of this.importKg) {
      const [p, state, e] = k.split('|') as [Province, UsState, Equipment];
      if (p === province && e === equipment) weights.set(state, kg);
    }
    return weights;
  }

  /** Where trucks of `equipment` from `province` land, by state (null: the province ships none on it). */
  landingStates(province: Province, equipment: Equipment): WeightedPicker<UsState> | null {
    const cacheKey = key(province, equipment);
    const cached = this.landingCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const picker = WeightedPicker.fromMap(this.landingStateTonnage(province, equipment));
    this.landingCache.set(cacheKey, picker);
    return picker;
  }

  /**
   * The northbound freight a shipper of `sector` in `state` plausibly has. Food manufacturers ship
   * food chapters (01–24), other manufacturers the rest; wholesalers and retailers ship anything.
   */
  northboundFreight(state: UsState, sector: ShipperSector): WeightedPicker<NorthboundFreight> | null {
    const cacheKey = key(state, sector);
    const cached = this.freightCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const cells = this.exportCells.filter(
      (cell) =>
        cell.state === state &&
        (sector === 'food_mfg'
          ? isFoodChapter(cell.freight.hs2)
          : sector === 'other_mfg'
            ? !isFoodChapter(cell.freight.hs2)
            : true),
    );
    const picker = WeightedPicker.create(
      cells.map((cell) => cell.freight),
      cells.map((cell) => cell.kg),
    );
    this.freightCache.set(cacheKey, picker);
    return picker;
  }

  /** Northbound tonnage of one state to one province on one trailer type (all chapters). */
  exportKgOf(state: UsState, province: Province, equipment: Equipment): number {
    let total = 0;
    for (const cell of this.exportCells) {
      if (
        cell.state === state &&
        cell.freight.province === province &&
        cell.freight.equipment === equipment
      ) {
        total += cell.kg;
      }
    }
    return total;
  }

  commodityName(hs2: string): string {
    return this.commodityNames.get(hs2) ?? `HS chapter ${hs2}`;
  }
}

/** kg per USD of imports, per chapter and overall, from the rows that carry a weight. */
function importDensity(flows: readonly TradeFlow[]): { byHs2: Map<string, number>; overall: number } {
  const kg = new Map<string, number>();
  const usd = new Map<string, number>();
  let totalKg = 0;
  let totalUsd = 0;
  for (const flow of flows) {
    if (flow.direction !== 'import' || flow.weightKg === null || flow.valueUsd <= 0) continue;
    kg.set(flow.hs2, (kg.get(flow.hs2) ?? 0) + flow.weightKg);
    usd.set(flow.hs2, (usd.get(flow.hs2) ?? 0) + flow.valueUsd);
    totalKg += flow.weightKg;
    totalUsd += flow.valueUsd;
  }
  const byHs2 = new Map<string, number>();
  for (const [hs2, value] of usd) byHs2.set(hs2, (kg.get(hs2) ?? 0) / value);
  return { byHs2, overall: totalUsd > 0 ? totalKg / totalUsd : 0 };
}
