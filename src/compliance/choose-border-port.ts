/**
 * Picks the border port for a northbound crossing (DESIGN.md §3.8): the port minimising road miles
 * from → port + port → destination among ports that handled trucks in 2018 (a port with no truck
 * traffic is a ferry or passenger-only crossing, never routed through).
 *
 * Road miles are estimates (great-circle × 1.2 by default), good to a few percent, so routes within
 * `tieMiles` (default 1 mi) of the shortest are ties. Ties go to the port with more 2018 trucks: a
 * bigger port has more commercial booths and FAST lanes, so a shorter expected wait. Remaining ties go to
 * the shorter route, then the lower port code, so the answer never depends on input order.
 *
 * O(P) distance calls for P ports (2 per port; 89 ports in data/border-ports.csv).
 */
import type { BorderPort } from '../domain/border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { DistanceProvider, LatLon } from '../domain/geo.ts';
import { countryOf, type Region } from '../domain/regions.ts';
import { miles, type Miles } from '../domain/units.ts';

export interface BorderPortChoice {
  readonly port: BorderPort;
  /** Road miles from the point the truck heads north to the port. */
  readonly milesToPort: Miles;
  /** Road miles from the port to the Canadian destination. */
  readonly milesPortToDestination: Miles;
}

export interface ChooseBorderPortOptions {
  /** Routes within this many miles of the shortest count as ties (≥ 0). */
  readonly tieMiles?: number;
  /**
   * Only ports with at least this many trucks in 2018 (default 1: any port that handled trucks). Raise it
   * to keep a great-circle estimate off small rural crossings a real road route would not use.
   */
  readonly minTrucksInbound2018?: number;
}

export const DEFAULT_PORT_TIE_MILES = 1;

export function chooseBorderPort(
  from: LatLon,
  to: LatLon & { readonly region: Region },
  ports: Iterable<BorderPort>,
  distance: DistanceProvider,
  options: ChooseBorderPortOptions = {},
): BorderPortChoice {
  const tieMiles = options.tieMiles ?? DEFAULT_PORT_TIE_MILES;
  if (!(Number.isFinite(tieMiles) && tieMiles >= 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot choose a border port: tieMiles must be a finite number ≥ 0, saw ${tieMiles}`,
      { tieMiles },
    );
  }
  const minTrucks = options.minTrucksInbound2018 ?? 1;
  if (!Number.isFinite(minTrucks)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot choose a border port: minTrucksInbound2018 must be a finite number, saw ${minTrucks}`,
      { minTrucksInbound2018: minTrucks },
    );
  }
  if (countryOf(to.region) !== 'CA') {
    throw new NorthboundError(
      'invalid_input',
      `Cannot choose a border port for a northbound crossing to ${to.region}: the destination is not in Canada`,
      { region: to.region },
    );
  }
  const candidates: BorderPortChoice[] = [];
  let count = 0;
  for (const port of ports) {
    count += 1;
    if (!port.handlesTrucks || (port.trucksInbound2018 ?? 0) < minTrucks) continue;
    candidates.push({
      port,
      milesToPort: distance.roadMiles(from, port),
      milesPortToDestination: distance.roadMiles(port, to),
    });
  }
  if (candidates.length === 0) {
    throw new NorthboundError(
      'not_found',
      `Cannot choose a border port to ${to.region}: none of the ${count} ports given handled trucks in 2018${minTrucks > 1 ? ` (at least ${minTrucks})` : ''}`,
      { region: to.region, minTrucksInbound2018: minTrucks },
    );
  }
  const total = (c: BorderPortChoice): number => c.milesToPort + c.milesPortToDestination;
  const shortest = Math.min(...candidates.map(total));
  const [best] = candidates
    .filter((c) => total(c) <= shortest + tieMiles)
    .sort(
      (a, b) =>
        (b.port.trucksInbound2018 ?? 0) - (a.port.trucksInbound2018 ?? 0) ||
        total(a) - total(b) ||
        (a.port.portCode < b.port.portCode ? -1 : a.port.portCode > b.port.portCode ? 1 : 0),
    );
  // The filter keeps at least the shortest candidate, so best exists.
  const choice = best as BorderPortChoice;
  return {
    port: choice.port,
    milesToPort: miles(choice.milesToPort),
    milesPortToDestination: miles(choice.milesPortToDestination),
  };
}
