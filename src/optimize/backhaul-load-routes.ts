/**
 * The loaded run of each load (DESIGN.md §3.6, §3.8), memoised per load; candidate generation builds it,
 * the planner and the chains reuse it.
 */
import type { BorderPort } from '../domain/border-port.ts';
import {
  chooseBorderPort,
  DEFAULT_PORT_TIE_MILES,
  type BorderPortChoice,
} from '../compliance/choose-border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { DistanceProvider } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import type { BackhaulLoadColumns } from './backhaul-load-columns.ts';
import type { ResolvedBackhaulOptions } from './backhaul-options.ts';
import { cosLatitude, greatCircleRoadMiles } from './backhaul-road-miles.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const ceilToMinute = (ms: number): number => Math.ceil(ms / MS_PER_MINUTE) * MS_PER_MINUTE;

/** Ports used to bound a crossing's miles before the exact (slower) port choice. */
const REFERENCE_PORTS = 12;

/**
 * The loaded run of each load, memoised: for a US → Canada load, the border port chooseBorderPort picks
 * and the border arrival; for every load, the delivery instant from a pickup instant. Times follow the
 * plan validator: the loaded run of a crossing load takes hos(a + b) for a miles to the port and b after
 * it, and the border arrival is at least hos(a) after pickup and emanifestLeadHours after plannedAt (so
 * the eManifest deadline is still ahead when the plan is made); the delivery at least hos(b) after that.
 *
 * chooseBorderPort scans every port (~50 µs), too slow for every examined pair, so the deadline test in
 * buildBackhaulCandidates tries bounds first (it asks crossingBoundMiles once per load and keeps it):
 * delivery ≥ pickup + hos(loaded) (a + b ≥ loaded, triangle inequality), and delivery ≤ max(pickup,
 * plannedAt + lead) + hos(S) + 2 min, where S = crossingBoundMiles ≥ a + b (hos(a) + hos(b) ≤ hos(a + b)
 * since ⌊x⌋ + ⌊y⌋ ≤ ⌊x + y⌋; 2 min of rounding). Only a deadline between the two needs the exact port.
 */
export class LoadRoutes {
  /** Per load: road miles origin → destination. */
  readonly loadedMiles: Float64Array;
  private readonly choices: (BorderPortChoice | undefined)[];
  private readonly distance: DistanceProvider;
  private readonly hosMs: (miles: number) => number;
  private readonly leadMs: number;
  /** The busiest truck ports, as columns, with cos(latitude) for the inline distance. */
  private readonly reference: {
    readonly lat: Float64Array;
    readonly lon: Float64Array;
    readonly cosLat: Float64Array;
  };

  /** Reads the loads through `columns` (readBackhaulLoads, input order): no load object is touched again. */
  constructor(
    private readonly loads: readonly Load[],
    private readonly columns: BackhaulLoadColumns,
    private readonly ports: readonly BorderPort[],
    private readonly options: ResolvedBackhaulOptions,
    private readonly plannedAtMs: number,
  ) {
    this.distance = options.distance;
    this.hosMs = options.driveTimeMs;
    this.leadMs = options.cabotageLimits.emanifestLeadHours * MS_PER_HOUR;
    const m = loads.length;
    this.choices = new Array<BorderPortChoice | undefined>(m);
    const busiest = ports
      .filter((port) => port.handlesTrucks && (port.trucksInbound2018 ?? 0) >= 1)
      .sort((a, b) => (b.trucksInbound2018 ?? 0) - (a.trucksInbound2018 ?? 0))
      .slice(0, REFERENCE_PORTS);
    this.reference = {
      lat: Float64Array.from(busiest, (port) => port.lat),
      lon: Float64Array.from(busiest, (port) => port.lon),
      cosLat: Float64Array.from(busiest, (port) => cosLatitude(port.lat)),
    };
    const { originLat, originLon, originCosLat, destLat, destLon, destCosLat, crosses } = columns;
    const { greatCircleDistance: inline, roadFactor } = options;
    this.loadedMiles = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      this.loadedMiles[j] = inline
        ? greatCircleRoadMiles(
            originLat[j]!,
            originLon[j]!,
            originCosLat[j]!,
            destLat[j]!,
            destLon[j]!,
            destCosLat[j]!,
            roadFactor,
          )
        : this.distance.roadMiles(loads[j]!.origin, loads[j]!.dest);
      if (crosses[j] === 1 && busiest.length === 0) {
        const load = loads[j]!;
        throw new NorthboundError(
          'invalid_input',
          `Cannot time load ${load.loadId} (${load.origin.region} → ${load.dest.region}): none of the ${ports.length} border ports given handles trucks`,
          { loadId: load.loadId },
        );
      }
    }
  }

  /** The border port of a US → Canada load (chooseBorderPort), null for any other load. */
  crossing(j: number): BorderPortChoice | null {
    if (this.columns.crosses[j] === 0) return null;
    const load = this.loads[j]!;
    return (this.choices[j] ??= chooseBorderPort(load.origin, load.dest, this.ports, this.distance));
  }

  /** Border arrival (NaN when the load does not cross) and delivery for a pickup at pickupAtMs. */
  loadedRun(j: number, pickupAtMs: number): { readonly arriveAtMs: number; readonly deliverAtMs: number } {
    const choice = this.crossing(j);
    if (choice === null) {
      return { arriveAtMs: NaN, deliverAtMs: ceilToMinute(pickupAtMs + this.hosMs(this.loadedMiles[j]!)) };
    }
    const a = choice.milesToPort;
    const b = choice.milesPortToDestination;
    const arriveAtMs = ceilToMinute(Math.max(pickupAtMs + this.hosMs(a), this.plannedAtMs + this.leadMs));
    const deliverAtMs = ceilToMinute(Math.max(pickupAtMs + this.hosMs(a + b), arriveAtMs + this.hosMs(b)));
    return { arriveAtMs, deliverAtMs };
  }

  /**
   * An upper bound on the chosen port's a + b of a crossing load: any one port's route bounds the
   * shortest, so the reference port with the shortest route by a flat estimate (degrees, longitude shrunk
   * at 45° N; only to rank ports) is measured properly — 2 distance calls, not 2 per port. O(reference).
   */
  crossingBoundMiles(j: number): number {
    const { originLat, originLon, originCosLat, destLat, destLon, destCosLat } = this.columns;
    const { lat, lon, cosLat } = this.reference;
    const [fromLat, fromLon, toLat, toLon] = [originLat[j]!, originLon[j]!, destLat[j]!, destLon[j]!];
    let best = 0;
    let bestEstimate = Infinity;
    for (let k = 0; k < lat.length; k++) {
      const [portLat, portLon] = [lat[k]!, lon[k]!];
      const estimate =
        Math.sqrt((fromLat - portLat) ** 2 + ((fromLon - portLon) * Math.SQRT1_2) ** 2) +
        Math.sqrt((portLat - toLat) ** 2 + ((portLon - toLon) * Math.SQRT1_2) ** 2);
      if (estimate < bestEstimate) {
        best = k;
        bestEstimate = estimate;
      }
    }
    let miles: number;
    if (this.options.greatCircleDistance) {
      const { roadFactor } = this.options;
      miles =
        greatCircleRoadMiles(
          fromLat,
          fromLon,
          originCosLat[j]!,
          lat[best]!,
          lon[best]!,
          cosLat[best]!,
          roadFactor,
        ) +
        greatCircleRoadMiles(lat[best]!, lon[best]!, cosLat[best]!, toLat, toLon, destCosLat[j]!, roadFactor);
    } else {
      const port = { lat: lat[best]!, lon: lon[best]! };
      const load = this.loads[j]!;
      miles = this.distance.roadMiles(load.origin, port) + this.distance.roadMiles(port, load.dest);
    }
    return miles + DEFAULT_PORT_TIE_MILES;
  }
}
