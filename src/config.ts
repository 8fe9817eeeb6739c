/**
 * The only reader of process.env. Every setting has a default (DESIGN.md §3 numbers are defaults,
 * not constants); CLI flags override what is read here.
 */
import { DEFAULT_CAD_PER_USD, DEFAULT_COST_PER_MILE } from './domain/units.ts';
import { resolve } from 'node:path';
import { NorthboundError } from './domain/errors.ts';
import { EQUIPMENT, isEquipment, type Equipment } from './domain/equipment.ts';

export interface Config {
  /** PostgreSQL URL; when set, the server is used instead of the embedded PGlite store. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema to keep Northbound's tables in (default: the server's search_path, usually public). */
  readonly databaseSchema: string | undefined;
  /** PGlite data directory. */
  readonly dataDir: string;
  readonly tenantId: string;
  /** A delivery or search belongs to the nearest market within this many miles (DESIGN §3.1). */
  readonly marketRadiusMiles: number;
  /** A gazetteer city is a market from this population up. */
  readonly marketMinPopulation: number;
  /** Rows per COPY batch during imports. */
  readonly importBatchRows: number;
  /** Industries the carrier is strong in (industry fit, DESIGN §3.2); empty = not stated. */
  readonly strengths: readonly string[];
  /** CAD per USD for money shown in both currencies (NORTHBOUND_CAD_PER_USD; default 1.37, the 2024 average). */
  readonly cadPerUsd: number;
  /** All-in truck cost per mile for lane covering (NORTHBOUND_COST_PER_MILE; default $2.26, ATRI 2024). */
  readonly costPerMile: number;
  /**
   * Market references replacing the defaults by equipment (NORTHBOUND_MARKET_RATES, e.g.
   * "reefer=2.60/3.05,tanker=2.40/2.90": spot/contract all-in USD per mile).
   */
  readonly marketRateOverrides: Readonly<
    Partial<Record<Equipment, { spotPerMile: number; contractPerMile: number }>>
  >;
}

type Env = Readonly<Record<string, string | undefined>>;

function positiveNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new NorthboundError('config_invalid', `Cannot read ${name}: "${raw}" is not a positive number`, {
      name,
      value: raw,
    });
  }
  return value;
}

const MARKET_RATE = /^([a-z_]+)=(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/;

function marketRateOverrides(env: Env): Config['marketRateOverrides'] {
  const raw = env['NORTHBOUND_MARKET_RATES']?.trim() ?? '';
  const overrides: Partial<Record<Equipment, { spotPerMile: number; contractPerMile: number }>> = {};
  for (const item of raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const match = MARKET_RATE.exec(item);
    const equipment = match?.[1];
    if (match === null || equipment === undefined || !isEquipment(equipment)) {
      throw new NorthboundError(
        'config_invalid',
        `Cannot read NORTHBOUND_MARKET_RATES: "${item}" is not equipment=spot/contract with equipment one of ${EQUIPMENT.join(', ')} (e.g. reefer=2.60/3.05)`,
        { name: 'NORTHBOUND_MARKET_RATES', value: item },
      );
    }
    overrides[equipment] = { spotPerMile: Number(match[2]), contractPerMile: Number(match[3]) };
  }
  return overrides;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env['DATABASE_URL']?.trim() || undefined;
  const databaseSchema = env['NORTHBOUND_PG_SCHEMA']?.trim() || undefined;
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new NorthboundError(
      'config_invalid',
      `Cannot read NORTHBOUND_PG_SCHEMA: "${databaseSchema}" is not a plain lower-case SQL identifier`,
      { name: 'NORTHBOUND_PG_SCHEMA', value: databaseSchema },
    );
  }
  return {
    databaseUrl,
    databaseSchema,
    dataDir: resolve(env['NORTHBOUND_DB']?.trim() || '.northbound'),
    tenantId: env['NORTHBOUND_TENANT']?.trim() || 'default',
    marketRadiusMiles: positiveNumber(env, 'NORTHBOUND_MARKET_RADIUS_MI', 75),
    marketMinPopulation: positiveNumber(env, 'NORTHBOUND_MARKET_MIN_POPULATION', 50_000),
    importBatchRows: Math.round(positiveNumber(env, 'NORTHBOUND_IMPORT_BATCH_ROWS', 5_000)),
    cadPerUsd: positiveNumber(env, 'NORTHBOUND_CAD_PER_USD', DEFAULT_CAD_PER_USD),
    costPerMile: positiveNumber(env, 'NORTHBOUND_COST_PER_MILE', DEFAULT_COST_PER_MILE),
    marketRateOverrides: marketRateOverrides(env),
    strengths: (env['NORTHBOUND_STRENGTHS'] ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== ''),
  };
}
