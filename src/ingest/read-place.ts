/**
 * Resolves the place a row names, with DESIGN.md §7's precedence: `*_lat`/`*_lon` if given, else
 * `*_zip`, else `*_city` + `*_region`. Everything the row says is handed to the gazetteer (which applies
 * the same precedence); this module decides which column to blame when the gazetteer says no, so the
 * rejects file points at the value the user must fix.
 */
import { isNorthboundError } from '../domain/errors.ts';
import type { ResolvedPlace } from '../domain/place.ts';
import type { Region } from '../domain/regions.ts';
import { LATITUDE, LONGITUDE, type FieldReader } from './field-reader.ts';

/** The columns a place is read from; null where the kind has no such column (§7). */
export interface PlaceColumns {
  readonly lat: string | null;
  readonly lon: string | null;
  readonly zip: string | null;
  readonly city: string;
  readonly region: string;
}

/**
 * Column names for a prefix (`dest` → dest_lat, dest_lon, dest_zip, dest_city, dest_region); build once
 * per parser, not per row. Without `pointOrZip` only city + region are read, so an extra `home_lat`
 * column let through by --allow-extra is ignored rather than half-honoured.
 */
export const placeColumns = (prefix: string, pointOrZip: boolean): PlaceColumns => ({
  lat: pointOrZip ? `${prefix}_lat` : null,
  lon: pointOrZip ? `${prefix}_lon` : null,
  zip: pointOrZip ? `${prefix}_zip` : null,
  city: `${prefix}_city`,
  region: `${prefix}_region`,
});

const EXPECTED_BY_COORDINATES = 'coordinates near a place the gazetteer knows';
const EXPECTED_BY_ZIP = 'a US ZIP code the gazetteer knows';
const EXPECTED_BY_CITY = 'a city the gazetteer knows in that region (check the spelling)';

/**
 * Returns the resolved place, or null when the row gives nothing beyond the region (no coordinates,
 * ZIP or city) or when the place could not be resolved, in which case an error is recorded.
 * `region` is the row's already-validated region for this place; null means it was missing or bad and
 * that is already reported, so a city is not looked up without it (a second error would be noise).
 */
export function readPlace(
  reader: FieldReader,
  columns: PlaceColumns,
  region: Region | null,
): ResolvedPlace | null {
  const latText = columns.lat === null ? '' : reader.text(columns.lat);
  const lonText = columns.lon === null ? '' : reader.text(columns.lon);
  const zip = columns.zip === null ? '' : reader.text(columns.zip);
  const city = reader.text(columns.city);

  let lat: number | undefined;
  let lon: number | undefined;
  let field: string;
  let value: string;
  let expected: string;
  if (columns.lat !== null && columns.lon !== null && (latText !== '' || lonText !== '')) {
    // Both are required once either is given: half a coordinate is a data error, not a hint.
    const parsedLat = reader.number(columns.lat, true, LATITUDE);
    const parsedLon = reader.number(columns.lon, true, LONGITUDE);
    if (parsedLat === null || parsedLon === null) return null;
    lat = parsedLat;
    lon = parsedLon;
    field = columns.lat;
    value = `${latText},${lonText}`;
    expected = EXPECTED_BY_COORDINATES;
  } else if (columns.zip !== null && zip !== '') {
    field = columns.zip;
    value = zip;
    expected = EXPECTED_BY_ZIP;
  } else if (city !== '') {
    if (region === null) return null;
    field = columns.city;
    value = city;
    expected = EXPECTED_BY_CITY;
  } else {
    return null;
  }

  let place: ResolvedPlace;
  try {
    place = reader.ctx.gazetteer.resolve({
      lat,
      lon,
      zip: zip === '' ? undefined : zip,
      city: city === '' ? undefined : city,
      region: region ?? undefined,
    });
  } catch (error) {
    if (!isNorthboundError(error)) throw error;
    // A ZIP the gazetteer cannot place falls back to city + region there; when that fails too the
    // error is about the city (its details name a city, not a ZIP), so blame the city column.
    if (field === columns.zip && city !== '' && 'city' in error.details && !('zip' in error.details)) {
      field = columns.city;
      value = city;
      expected = EXPECTED_BY_CITY;
    }
    // The gazetteer's message already names the value and often a fix ("did you mean Dallas?").
    reader.fail(field, value, expected, `${field}: ${error.message}`);
    return null;
  }
  // Coordinates near a border can snap to a city across it; the region the file states wins (§7).
  if (lat !== undefined && region !== null && place.region !== region) return { ...place, region };
  return place;
}
