/**
 * Fleet rows (DESIGN.md §7): one power unit + trailer with its home terminal. The home terminal must
 * resolve to a point, because every deadhead-home estimate starts there.
 */
import type { TruckId } from '../domain/ids.ts';
import type { Country } from '../domain/regions.ts';
import { CREDENTIALS, type Truck } from '../domain/truck.ts';
import { choiceOf, FieldReader } from './field-reader.ts';
import { placeColumns, readPlace } from './read-place.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';

const DOMICILES = choiceOf<Country>(['CA', 'US']);
const CREDENTIAL_CHOICE = choiceOf(CREDENTIALS);
const HOME = placeColumns('home', false);

/** Domicile defaults to CA: the product is for Canadian carriers running loads into the US. */
export const DEFAULT_DOMICILE: Country = 'CA';

export function parseFleetRow(
  fields: Readonly<Record<string, string>>,
  ctx: RowContext,
): RowParseResult<Truck> {
  const r = new FieldReader(fields, ctx);
  const truckId = r.requiredId<TruckId>('truck_id');
  const equipment = r.equipment('equipment', true);
  const homeCity = r.required(HOME.city);
  const homeRegion = r.region(HOME.region, true);
  const domicile = r.choice('domicile', DOMICILES, false, DEFAULT_DOMICILE);
  const credentials = r.choiceList('credentials', CREDENTIAL_CHOICE);
  const home = homeCity === null ? null : readPlace(r, HOME, homeRegion);

  if (
    r.hasErrors ||
    truckId === null ||
    equipment === null ||
    homeRegion === null ||
    home === null ||
    domicile === null ||
    credentials === null
  ) {
    return r.reject();
  }
  return {
    ok: true,
    record: {
      truckId,
      equipment,
      // The gazetteer's spelling ("Montréal" for "Montreal"), so one terminal groups as one.
      homeCity: home.city,
      homeRegion,
      home: { lat: home.lat, lon: home.lon },
      domicile,
      credentials,
    },
  };
}
