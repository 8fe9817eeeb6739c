/**
 * How big a world is. Counts are targets: the generator calibrates search and noise rates to them, so
 * actual counts land within a few percent (the manifest records the exact ones).
 *
 * Shipper counts follow from the signal targets: about one shipper in ten has recurring northbound
 * lanes (§3.10 "many have none"), lanes produce ~60% of the signals, and the rest is noise spread over
 * the others, bots and freight brokers (few companies, heavy searchers: ~4% of the default world's
 * signals, ~8% of the large one's). The large world keeps the default's structure at 20–50× scale for
 * benchmarks.
 */
export const WORLD_SIZES = ['small', 'default', 'large'] as const;
export type WorldSize = (typeof WORLD_SIZES)[number];

export const isWorldSize = (value: string): value is WorldSize =>
  (WORLD_SIZES as readonly string[]).includes(value);

export interface WorldScale {
  /** Power units in the carrier's fleet. */
  readonly trucks: number;
  /** Home terminals (one per province at most). */
  readonly terminals: number;
  /** US shipper companies (searchers and load posters). */
  readonly shippers: number;
  readonly targetSignals: number;
  /** Northbound load offers over the calendar. */
  readonly targetLoads: number;
  readonly reps: number;
  /** Bot-like company ids (scrapers, rate-checking tools). */
  readonly bots: number;
  /** Bursts each bot fires over the year (each: 20–60 searches inside an hour). */
  readonly botBursts: number;
  /** Freight brokers / 3PLs searching for many customers (heavy searchers that are not shippers). */
  readonly brokers: number;
  /** Mean searches a week per broker (lognormal spread). */
  readonly brokerSearchesPerWeek: number;
  /** Corridor surge events near asOf (surge-events.ts): a week of 3–5× the usual searches. */
  readonly surges: number;
}

export const WORLD_SCALES: Readonly<Record<WorldSize, WorldScale>> = {
  small: {
    trucks: 20,
    terminals: 1,
    shippers: 400,
    targetSignals: 2_000,
    targetLoads: 150,
    reps: 4,
    bots: 1,
    botBursts: 2,
    brokers: 2,
    brokerSearchesPerWeek: 1.5,
    surges: 1,
  },
  default: {
    trucks: 300,
    terminals: 3,
    shippers: 30_000,
    targetSignals: 200_000,
    targetLoads: 3_000,
    reps: 6,
    bots: 3,
    botBursts: 4,
    brokers: 15,
    brokerSearchesPerWeek: 8,
    surges: 3,
  },
  large: {
    trucks: 1_000,
    terminals: 5,
    shippers: 600_000,
    targetSignals: 10_000_000,
    targetLoads: 10_000,
    reps: 8,
    bots: 25,
    botBursts: 6,
    brokers: 400,
    brokerSearchesPerWeek: 40,
    surges: 10,
  },
};
