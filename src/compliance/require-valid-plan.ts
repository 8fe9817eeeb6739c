/**
 * Refuses a malformed plan before validatePlan judges it. Malformed input is an error, not a violation:
 * an invalid Date compares false with everything, so it would silently pass every timing rule.
 */
import type { BackhaulPlan } from '../domain/backhaul-plan.ts';
import { NorthboundError } from '../domain/errors.ts';
import { isValidLatLon, type LatLon } from '../domain/geo.ts';
import type { Country } from '../domain/regions.ts';

const DOMICILES: readonly Country[] = ['CA', 'US'];

export function requireValidPlan(plan: BackhaulPlan): void {
  const fail = (where: string, problem: string): never => {
    throw new NorthboundError('invalid_input', `Cannot validate the plan: ${where} ${problem}`, { where });
  };
  const date = (where: string, value: Date): void => {
    if (!(value instanceof Date) || Number.isNaN(value.getTime()))
      fail(where, `is not a valid date, saw ${String(value)}`);
  };
  const point = (where: string, value: LatLon): void => {
    if (!isValidLatLon(value.lat, value.lon))
      fail(where, `is not a valid lat/lon, saw ${value.lat},${value.lon}`);
  };
  date('createdAt', plan.createdAt);
  for (const truck of plan.trucks) {
    const t = `truck ${truck.truckId}`;
    if (!DOMICILES.includes(truck.domicile)) {
      fail(`${t} domicile`, `is not CA or US, saw ${String(truck.domicile)}`);
    }
    date(`${t} start.at`, truck.start.at);
    point(`${t} start`, truck.start);
    point(`${t} home`, truck.home);
    truck.legs.forEach((leg, i) => {
      const l = `${t} leg ${i + 1} (load ${leg.loadId})`;
      date(`${l} pickupAt`, leg.pickupAt);
      date(`${l} deliverAt`, leg.deliverAt);
      point(`${l} origin`, leg.origin);
      point(`${l} dest`, leg.dest);
    });
    if (truck.crossing !== null) {
      date(`${t} crossing arriveAt`, truck.crossing.arriveAt);
      date(`${t} crossing emanifestDeadline`, truck.crossing.emanifestDeadline);
    }
  }
}
