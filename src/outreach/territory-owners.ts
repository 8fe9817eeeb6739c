/**
 * Who owns a landing zone: the reps whose territories name it. Assignment (assign-tasks.ts) gives a
 * zone's tasks to its owners; the metrics (by rep) credit a zone's trips to them — one rule for both.
 */
import { placeNameKey } from '../domain/place-name-key.ts';

/** A label's matching keys: the whole label, and its city part (before the comma). */
interface LabelKeys {
  readonly full: string;
  readonly city: string;
  /** Carries a qualifier after a comma ("Dallas, TX"), so its city part alone says less than it does. */
  readonly qualified: boolean;
}

function labelKeys(label: string): LabelKeys {
  const full = placeNameKey(label);
  const comma = label.indexOf(',');
  return comma < 0
    ? { full, city: full, qualified: false }
    : { full, city: placeNameKey(label.slice(0, comma)), qualified: true };
}

/**
 * Does a territory name the zone? Case and accents are ignored (placeNameKey: "Montréal" = "montreal").
 * The whole labels match, or a bare city name matches the other's city part ("Dallas" owns
 * "Dallas, TX"); two qualified labels must agree whole, so "Dallas, GA" does not own "Dallas, TX".
 */
function territoryNamesZone(territory: LabelKeys, zone: LabelKeys): boolean {
  if (territory.full === '' || zone.full === '') return false;
  if (territory.full === zone.full) return true;
  return (!territory.qualified || !zone.qualified) && territory.city === zone.city;
}

/**
 * The owners of each zone label, in the order the reps are given, memoised per zone: O(reps ×
 * territories) for each distinct zone, then a map lookup.
 */
export function territoryOwners<R extends { readonly territories: readonly string[] }>(
  reps: readonly R[],
): (zoneLabel: string) => readonly R[] {
  const territories = reps.map((rep) => rep.territories.map(labelKeys));
  const byZone = new Map<string, readonly R[]>();
  return (zoneLabel) => {
    const zone = labelKeys(zoneLabel);
    const cached = byZone.get(zone.full);
    if (cached) return cached;
    const owners = reps.filter((_, k) =>
      territories[k]!.some((territory) => territoryNamesZone(territory, zone)),
    );
    byZone.set(zone.full, owners);
    return owners;
  };
}
