import type { Equipment } from './equipment.ts';
import type { CompanyId, LoadId } from './ids.ts';
import type { ResolvedPlace } from './place.ts';
import type { Currency } from './units.ts';

export const LOAD_STATUSES = ['offered', 'committed', 'booked'] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];

/** A northbound load offer: the backhaul a truck can take home. */
export interface Load {
  readonly loadId: LoadId;
  readonly shipperId: CompanyId | null;
  readonly shipperName: string | null;
  readonly origin: ResolvedPlace;
  readonly dest: ResolvedPlace;
  readonly pickupEarliest: Date;
  readonly pickupLatest: Date;
  readonly deliveryLatest: Date | null;
  readonly equipment: Equipment;
  readonly weightLb: number | null;
  readonly rate: number;
  readonly currency: Currency;
  readonly status: LoadStatus;
  readonly requirements: readonly string[];
  readonly preArranged: boolean;
}
