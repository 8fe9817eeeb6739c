/**
 * The public reference data the world generator is grounded in, as plain typed records.
 * src/files/load-reference-data.ts reads data/*.csv into this shape; tests may build it by hand.
 * Provenance of every table is in data/README.md.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Province, UsState } from '../domain/regions.ts';

/** One cell of BTS TransBorder 2024 (Jan–Sep), truck mode, US state × province × HS2. */
export interface TradeFlow {
  /** export = US→Canada (northbound freight), import = Canada→US (where Canadian trucks land). */
  readonly direction: 'export' | 'import';
  readonly usState: UsState;
  readonly province: Province;
  /** Two-digit HS chapter, leading zero kept ("07"). */
  readonly hs2: string;
  readonly valueUsd: number;
  /** Imports only; BTS records no truck export weight. */
  readonly weightKg: number | null;
}

export interface Hs2Commodity {
  readonly hs2: string;
  readonly name: string;
}

/** The four Census CBP sectors that ship freight (data/README.md §7). */
export const SHIPPER_SECTORS = ['food_mfg', 'other_mfg', 'wholesale', 'retail'] as const;
export type ShipperSector = (typeof SHIPPER_SECTORS)[number];

/** CBP 2021 state totals for one sector. */
export interface StateSectorCount {
  readonly state: UsState;
  readonly sector: ShipperSector;
  readonly establishments: number;
  readonly employees: number;
  /** False for the 12 states whose county rows are missing from county-business-patterns-2021.csv. */
  readonly hasCountyDetail: boolean;
}

/** CBP 2021 establishments of one sector in one county. */
export interface CountySectorCount {
  readonly countyFips: string;
  readonly state: UsState;
  readonly sector: ShipperSector;
  readonly establishments: number;
  readonly employees: number;
}

export interface CountyCentroid {
  readonly countyFips: string;
  readonly countyName: string;
  readonly state: UsState;
  readonly lat: number;
  readonly lon: number;
}

/** A US ZIP (ZCTA) centroid, the same table the gazetteer resolves `*_zip` with. */
export interface ZipCentroid {
  readonly zip: string;
  readonly lat: number;
  readonly lon: number;
}

/** Trucking economics from data/economics.md (USD per mile). */
export interface TruckingEconomics {
  /** DAT June 2024 national spot, all-in, for the three equipment types DAT publishes. */
  readonly spotRatePerMile: Readonly<Record<Extract<Equipment, 'dry_van' | 'reefer' | 'flatbed'>, number>>;
  /** DAT June 2024 national contract, all-in. */
  readonly contractRatePerMile: Readonly<
    Record<Extract<Equipment, 'dry_van' | 'reefer' | 'flatbed'>, number>
  >;
  /** ATRI 2024 all-in operating cost. */
  readonly costPerMile: number;
}

export interface ReferenceData {
  readonly tradeFlows: readonly TradeFlow[];
  readonly hs2Commodities: readonly Hs2Commodity[];
  readonly stateSectors: readonly StateSectorCount[];
  readonly countySectors: readonly CountySectorCount[];
  readonly countyCentroids: readonly CountyCentroid[];
  readonly zipCentroids: readonly ZipCentroid[];
  readonly economics: TruckingEconomics;
}
