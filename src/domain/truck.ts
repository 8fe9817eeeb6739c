import type { Equipment } from './equipment.ts';
import type { LatLon } from './geo.ts';
import type { TruckId } from './ids.ts';
import type { Country, Region } from './regions.ts';

export const CREDENTIALS = ['fast', 'bonded', 'hazmat', 'twic'] as const;
export type Credential = (typeof CREDENTIALS)[number];

/** A power unit + trailer in the carrier's fleet, with its home terminal. */
export interface Truck {
  readonly truckId: TruckId;
  readonly equipment: Equipment;
  readonly homeCity: string;
  readonly homeRegion: Region;
  readonly home: LatLon;
  readonly domicile: Country;
  readonly credentials: readonly Credential[];
}
