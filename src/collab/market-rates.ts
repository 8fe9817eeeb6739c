import type { Equipment } from '../domain/equipment.ts';

/** A market reference for one trailer type, all-in USD per loaded mile. */
export interface MarketRate {
  readonly spotPerMile: number;
  readonly contractPerMile: number;
  /** Where the figures come from, shown beside them (a fallback says which figure it borrows and why). */
  readonly source: string;
}

export type MarketRates = Readonly<Record<Equipment, MarketRate>>;

const DAT_JUNE_2024 =
  'DAT national average, June 2024, all-in (../shared/data/economics.md §2, via ajot.com "DAT: after a robust May…")';

/**
 * Default market references by equipment (DESIGN.md §3.7), configurable by passing another table.
 * Sources: DAT's June 2024 national averages as repeated in ../shared/data/economics.md §2 — dry van
 * spot $2.07, contract $2.44; reefer $2.45 / $2.81; flatbed $2.53 / $3.14 per mile, all-in.
 * DAT publishes no step-deck or tanker figure there, so:
 * - step_deck borrows flatbed's: a step deck is an open-deck trailer and DAT's flatbed index is the
 *   open-deck market it competes in;
 * - tanker borrows dry van's: the general truckload reference, and the lowest published figure, so a
 *   floor's share of the market is not flattered by a guessed premium.
 * The demo world prices these two with stated premiums (src/sim/freight-rates.ts: +5% and +15%); a market
 * reference states only published figures, so none is added here — configure real ones when known.
 */
export const DEFAULT_MARKET_RATES: MarketRates = {
  dry_van: { spotPerMile: 2.07, contractPerMile: 2.44, source: `${DAT_JUNE_2024}, dry van` },
  reefer: { spotPerMile: 2.45, contractPerMile: 2.81, source: `${DAT_JUNE_2024}, reefer` },
  flatbed: { spotPerMile: 2.53, contractPerMile: 3.14, source: `${DAT_JUNE_2024}, flatbed` },
  step_deck: {
    spotPerMile: 2.53,
    contractPerMile: 3.14,
    source: `${DAT_JUNE_2024}, flatbed (no step-deck figure published; open-deck market)`,
  },
  tanker: {
    spotPerMile: 2.07,
    contractPerMile: 2.44,
    source: `${DAT_JUNE_2024}, dry van (no tanker figure published; general truckload reference)`,
  },
};
