/** Hand-built domain records for store tests (the parsers have their own tests). */
import type { Delivery } from '../../src/domain/delivery.ts';
import {
  asId,
  type CompanyId,
  type DeliveryId,
  type LaneId,
  type MarketId,
  type PartnerId,
  type RepId,
  type SignalId,
  type TruckId,
} from '../../src/domain/ids.ts';
import type { Lane } from '../../src/domain/lane.ts';
import type { ResolvedPlace } from '../../src/domain/place.ts';
import type { Region } from '../../src/domain/regions.ts';
import type { Rep } from '../../src/domain/rep.ts';
import type { IntentSignal } from '../../src/domain/signal.ts';
import type { Truck } from '../../src/domain/truck.ts';
import type { Company } from '../../src/domain/company.ts';

export const truck = (id: string, overrides: Partial<Truck> = {}): Truck => ({
  truckId: asId<TruckId>(id),
  equipment: 'dry_van',
  homeCity: 'Mississauga',
  homeRegion: 'ON',
  home: { lat: 43.589, lon: -79.644 },
  domicile: 'CA',
  credentials: ['fast'],
  ...overrides,
});

export const delivery = (
  id: string,
  truckId: string,
  at: string,
  market: string | null,
  city = 'Dallas',
): Delivery => ({
  deliveryId: asId<DeliveryId>(id),
  truckId: asId<TruckId>(truckId),
  originCity: 'Mississauga',
  originRegion: 'ON',
  dest: {
    lat: 32.78,
    lon: -96.8,
    city,
    region: 'TX',
    marketId: market === null ? null : asId<MarketId>(market),
    resolvedBy: 'city',
  },
  destZip: null,
  deliveredAt: new Date(at),
  equipment: 'dry_van',
  loadedMiles: 1450,
  revenue: 3900.5,
  currency: 'USD',
});

export const signal = (
  id: string,
  companyId: string,
  at: string,
  company: Partial<Company> = {},
): { signal: IntentSignal; company: Company } => ({
  signal: {
    signalId: asId<SignalId>(id),
    observedAt: new Date(at),
    companyId: asId<CompanyId>(companyId),
    searcherId: null,
    source: 'dat',
    origin: null,
    originRegion: 'TX',
    originZip: null,
    destCity: null,
    destRegion: 'ON',
    equipment: 'reefer',
    industry: 'food',
  },
  company: {
    companyId: asId<CompanyId>(companyId),
    name: null,
    domain: null,
    industry: 'food',
    employees: null,
    ...company,
  },
});

export const rep = (id: string, territories: string[]): Rep => ({
  repId: asId<RepId>(id),
  name: `Rep ${id}`,
  email: '',
  territories,
  capacity: 25,
  region: null,
});

const place = (city: string, region: string, lat: number, lon: number): ResolvedPlace => ({
  city,
  region: region as Region,
  lat,
  lon,
  marketId: null,
  resolvedBy: 'city',
});

/** Known places for pool lanes, so hand-built lanes carry real coordinates. */
export const PLACES = {
  toronto: place('Toronto', 'ON', 43.70011, -79.4163),
  detroit: place('Detroit', 'MI', 42.33143, -83.04575),
  chicago: place('Chicago', 'IL', 41.85003, -87.65005),
  laredo: place('Laredo', 'TX', 27.50641, -99.50754),
  dallas: place('Dallas', 'TX', 32.78306, -96.80667),
} as const;

export const lane = (
  id: string,
  partnerId: string,
  from: keyof typeof PLACES,
  to: keyof typeof PLACES,
  overrides: Partial<Lane> = {},
): Lane => ({
  laneId: asId<LaneId>(id),
  partnerId: asId<PartnerId>(partnerId),
  partnerName: `Partner ${partnerId}`,
  origin: PLACES[from],
  dest: PLACES[to],
  equipment: 'dry_van',
  loadsPerWeek: 2,
  costPerLoad: 1800,
  ratePerLoad: 2500,
  currency: 'USD',
  ...overrides,
});
