import type { Equipment } from './equipment.ts';
import type { DeliveryId, TruckId } from './ids.ts';
import type { ResolvedPlace } from './place.ts';
import type { Region } from './regions.ts';
import type { Currency } from './units.ts';

/** A southbound delivery: where and when a truck landed in the US (history or scheduled). */
export interface Delivery {
  readonly deliveryId: DeliveryId;
  readonly truckId: TruckId;
  readonly originCity: string | null;
  readonly originRegion: Region | null;
  readonly dest: ResolvedPlace;
  readonly destZip: string | null;
  readonly deliveredAt: Date;
  readonly equipment: Equipment | null;
  readonly loadedMiles: number | null;
  readonly revenue: number | null;
  readonly currency: Currency;
}
