/**
 * Stored lanes → the collab core's lanes. A place is keyed by its normalised city name and region
 * ("toronto|ON"), so two partners writing "St. Louis" and "Saint Louis" meet at one place, and the first
 * coordinates seen for a key are used for every lane there (the core needs one point per key).
 */
import type { PoolLane, PoolPlace } from '../collab/pool-lane.ts';
import type { Lane } from '../domain/lane.ts';
import { placeNameKey } from '../domain/place-name-key.ts';
import type { ResolvedPlace } from '../domain/place.ts';

export interface PoolNetwork {
  readonly lanes: readonly PoolLane[];
  /** Place key → "Toronto, ON", for plans people read. */
  readonly placeLabels: ReadonlyMap<string, string>;
}

export function poolLanesOf(lanes: readonly Lane[]): PoolNetwork {
  const places = new Map<string, PoolPlace>();
  const placeLabels = new Map<string, string>();
  const placeOf = (place: ResolvedPlace): PoolPlace => {
    const key = `${placeNameKey(place.city)}|${place.region}`;
    let known = places.get(key);
    if (known === undefined) {
      known = { key, lat: place.lat, lon: place.lon };
      places.set(key, known);
      placeLabels.set(key, `${place.city}, ${place.region}`);
    }
    return known;
  };
  return {
    lanes: lanes.map((lane) => ({
      partnerId: lane.partnerId,
      laneId: lane.laneId,
      origin: placeOf(lane.origin),
      dest: placeOf(lane.dest),
      equipment: lane.equipment,
      loadsPerWeek: lane.loadsPerWeek,
    })),
    placeLabels,
  };
}
