/**
 * A lane a partner brings to a collaborative backhaul pool (DESIGN.md §2 "lane", §3.7): loaded trips from
 * one place to another with one kind of trailer, so many per week. Places are named by `key`; two lanes
 * meet at a place exactly when their keys are equal, and one key must always carry the same coordinates.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { LatLon } from '../domain/geo.ts';

export interface PoolPlace extends LatLon {
  /** Identifies the place across lanes and partners (e.g. a market id or a normalised city name). */
  readonly key: string;
}

export interface PoolLane {
  readonly partnerId: string;
  readonly laneId: string;
  readonly origin: PoolPlace;
  readonly dest: PoolPlace;
  readonly equipment: Equipment;
  /** Loaded trips per week; non-negative, may be fractional (0.5 = every other week). */
  readonly loadsPerWeek: number;
}
