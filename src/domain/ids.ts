/**
 * Branded identifiers. A TruckId and a LoadId are both strings on the wire, but passing one where the
 * other belongs is a bug the compiler should catch.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TenantId = Brand<string, 'TenantId'>;
export type TruckId = Brand<string, 'TruckId'>;
export type DeliveryId = Brand<string, 'DeliveryId'>;
export type SignalId = Brand<string, 'SignalId'>;
export type CompanyId = Brand<string, 'CompanyId'>;
export type SearcherId = Brand<string, 'SearcherId'>;
export type LoadId = Brand<string, 'LoadId'>;
export type RepId = Brand<string, 'RepId'>;
/** A company in a collaborative pool (carrier or shipper), as its lanes file names it. */
export type PartnerId = Brand<string, 'PartnerId'>;
export type LaneId = Brand<string, 'LaneId'>;
/** GeoNames id of the market's city, as a string (stable across gazetteer rebuilds). */
export type MarketId = Brand<string, 'MarketId'>;

/** Casts a validated string to a branded id; the caller has already checked it is non-empty. */
export const asId = <T extends Brand<string, string>>(value: string): T => value as T;
