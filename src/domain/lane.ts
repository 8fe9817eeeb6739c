import type { Equipment } from './equipment.ts';
import type { LaneId, PartnerId } from './ids.ts';
import type { ResolvedPlace } from './place.ts';
import type { Currency } from './units.ts';

/**
 * A lane a partner brings to a collaborative pool (DESIGN.md §2 "lane", §3.7, §7 lanes file): loaded
 * trips from one place to another with one kind of trailer, so many per week. What the partner pays
 * to move a load on it (cost) and what its customer pays (rate) are private to the partner and the
 * broker: partner views never show another partner's lanes or money.
 */
export interface Lane {
  readonly laneId: LaneId;
  readonly partnerId: PartnerId;
  readonly partnerName: string | null;
  readonly origin: ResolvedPlace;
  readonly dest: ResolvedPlace;
  readonly equipment: Equipment;
  /** Loaded trips per week; > 0, may be fractional (0.5 = every other week). */
  readonly loadsPerWeek: number;
  readonly costPerLoad: number | null;
  readonly ratePerLoad: number | null;
  readonly currency: Currency;
}
