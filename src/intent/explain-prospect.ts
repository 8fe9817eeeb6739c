/**
 * The one-line "why now" every prospect carries (DESIGN.md §3.2), in numbers a rep can repeat:
 * "5 searches over 4 weeks (2 searchers) for reefer Laredo, TX→ON, last 2 days ago; origin 12 mi
 * from your Dallas, TX zone, 6 reefer trucks/wk land within 100 mi; searching more than usual".
 * Every number is read from the scores, so the sentence is true of the data.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Region } from '../domain/regions.ts';

export interface ProspectFacts {
  readonly searches90: number;
  readonly weeks90: number;
  readonly searchers90: number;
  readonly equipment: Equipment;
  readonly origin: string | null;
  readonly destRegion: Region;
  readonly daysSinceLastSearch: number;
  /** The nearest landing zone; its reload radius is the radius the trucks are counted in. */
  readonly zone: { readonly label: string; readonly reloadRadiusMiles: number } | null;
  readonly zoneMiles: number | null;
  readonly trucksPerWeekNear: number;
  readonly momentum: number;
  /** Searches in the last 3 weeks, and per week in the 12 before (momentum's inputs). */
  readonly recentSearches: number;
  readonly baselineWeekly: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
export const equipmentWords = (equipment: Equipment): string => equipment.replace('_', ' ');

function ago(days: number): string {
  if (days < 1) return 'today';
  const whole = Math.floor(days);
  return whole === 1 ? 'yesterday' : `${whole} days ago`;
}

export function explainProspect(facts: ProspectFacts): string {
  const kind = equipmentWords(facts.equipment);
  const searchers = facts.searchers90 > 1 ? ` (${plural(facts.searchers90, 'searcher')})` : '';
  const lane = `${kind} ${facts.origin ?? 'origin state only'}→${facts.destRegion}`;
  const head = `${plural(facts.searches90, 'search', 'searches')} over ${plural(facts.weeks90, 'week')}${searchers} for ${lane}, last ${ago(facts.daysSinceLastSearch)}`;
  let where: string;
  if (facts.origin === null) where = 'origin not placed (state only)';
  else if (facts.zone === null || facts.zoneMiles === null) where = 'no landing zone yet';
  else {
    const trucks = Math.round(facts.trucksPerWeekNear * 10) / 10;
    const landing =
      trucks > 0
        ? `${trucks} ${kind} trucks/wk land within ${facts.zone.reloadRadiusMiles} mi`
        : `no ${kind} trucks land within ${facts.zone.reloadRadiusMiles} mi`;
    where = `origin ${Math.round(facts.zoneMiles)} mi from your ${facts.zone.label} zone, ${landing}`;
  }
  // Momentum is worth a word only when there is enough to go on: a first search is not a trend.
  let trend = '';
  if (facts.baselineWeekly === 0 && facts.recentSearches >= 2) trend = '; new this month';
  else if (facts.recentSearches >= 3 && facts.momentum >= 0.9) {
    const expected = Math.round(facts.baselineWeekly * 30) / 10;
    trend = `; searching more than usual (${facts.recentSearches} in 3 weeks, ${expected} expected)`;
  } else if (facts.baselineWeekly >= 1 && facts.momentum <= 0.1) trend = '; searching less than usual';
  return `${head}; ${where}${trend}`;
}
