import type { LatLon } from './geo.ts';
import type { MarketId } from './ids.ts';
import type { Region } from './regions.ts';

/** What a file gives to locate a place (DESIGN.md §7): lat/lon first, else ZIP, else city + region. */
export interface PlaceQuery {
  readonly lat?: number | undefined;
  readonly lon?: number | undefined;
  readonly zip?: string | undefined;
  readonly city?: string | undefined;
  readonly region?: string | undefined;
}

/** A place resolved to a point, with the market it belongs to (null when none lies within the radius). */
export interface ResolvedPlace extends LatLon {
  readonly city: string;
  readonly region: Region;
  readonly marketId: MarketId | null;
  readonly resolvedBy: 'latlon' | 'zip' | 'city';
}
