import type { LatLon } from './geo.ts';
import type { UsState } from './regions.ts';

/**
 * A US–Canada land (or ferry) port of entry where a northbound truck can cross (DESIGN.md §3.8),
 * from data/border-ports.csv (provenance in data/README.md §4). Counts are BTS/CBP Border Crossing
 * Entry Data for 2018 and measure trucks entering the US: there is no northbound equivalent, so the
 * southbound count stands in for how much truck traffic a crossing handles in either direction.
 */
export interface BorderPort extends LatLon {
  /** Census Schedule D code, 4 digits with its leading zero kept (e.g. "0901"). */
  readonly portCode: string;
  /** Schedule D name, e.g. "Buffalo-Niagara Falls". */
  readonly portName: string;
  /** BTS crossing name for the same code, e.g. "Willow Creek" for 3325 Havre. */
  readonly crossingName: string;
  /** State the crossing sits in. */
  readonly state: UsState;
  readonly cbpDistrict: string;
  /** Trucks entering the US here in 2018; null when the port is absent from the 2018 file. */
  readonly trucksInbound2018: number | null;
  /** Months of 2018 with a truck record (0–12); null when the port is absent from the 2018 file. */
  readonly monthsReported2018: number | null;
  /**
   * False when the port handled no trucks in 2018 (a count of 0 or no record at all: ferry and
   * passenger-only ports such as Portland ME, Anacortes or Havre). Such ports stay in the list so a
   * plan naming one is recognised, but a truck is never routed through them.
   */
  readonly handlesTrucks: boolean;
}
