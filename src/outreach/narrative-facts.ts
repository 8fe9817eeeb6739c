/**
 * The facts an outreach narrative may quote (DESIGN.md §3.5), gathered in one explicit object so that
 * "every number in a draft is true of the data" can be checked against it: the templates in
 * draft-outreach.ts and draft-broker-brief.ts read nothing else.
 *
 * What is quoted, and where it comes from:
 * - trucks/week and consistency of the prospect's equipment in its landing zone (zone.equipment);
 * - committed capacity = ⌊trucks/week × consistency⌋ of that equipment: what lands there reliably;
 * - the zone's busiest weekdays;
 * - the home province: the one the prospect's freight goes to when a terminal is there, else the
 *   largest terminal's; transit days from the zone to that terminal;
 * - the prospect's lane (origin, destination, equipment) and whether it is a regular one.
 * Search counts and the last search are carried for the caller but never quoted to the prospect: a
 * shipper must not read that we watched it search.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { GreatCircleRoadDistance, isValidLatLon } from '../domain/geo.ts';
import type { OutreachLanguage, ProspectLane } from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';
import type { LandingMarket } from '../zones/landing-zone.ts';

/** One of the carrier's home terminals: where its trucks run home to. */
export interface HomeTerminal {
  readonly region: Region;
  readonly lat: number;
  readonly lon: number;
  /** Trucks based there: the largest terminal is the carrier's main home. */
  readonly trucks: number;
}

export interface NarrativeProspect {
  readonly companyName: string | null;
  readonly lane: ProspectLane;
  readonly searches90: number;
  /** Distinct ISO weeks with a search in the last 90 days. */
  readonly weeks90: number;
  readonly lastSearchAt: Date;
}

export interface NarrativeRep {
  readonly name: string;
  readonly email: string | null;
}

export interface NarrativeInput {
  readonly carrierName: string;
  /** Largest first is expected; the order is re-established by trucks (ties keep the given order). */
  readonly terminals: readonly HomeTerminal[];
  /** The prospect's landing zone; null when none is within reach. */
  readonly zone: LandingMarket | null;
  readonly prospect: NarrativeProspect;
  readonly rep: NarrativeRep | null;
  readonly language: OutreachLanguage;
}

/** What lands in the prospect's zone, as a draft may quote it. */
export interface ZoneLanding {
  readonly label: string;
  /**
   * The prospect's equipment, or null when none of it lands in the zone. Then the zone's total
   * trucks/week is quoted, as "trucks" of no stated kind: quoting 0 would sell nothing and putting
   * the total under the prospect's equipment word would be false.
   */
  readonly equipment: Equipment | null;
  /** Mean trucks per week (of `equipment`, or all trucks when it is null); > 0. */
  readonly trucksPerWeek: number;
  /** Share of weeks with at least one of those trucks landing. */
  readonly consistency: number;
  /** ⌊trucksPerWeek × consistency⌋ of the prospect's equipment; 0 when equipment is null. */
  readonly committedLoadsPerWeek: number;
  /** The zone's busiest weekdays, 0 = Monday, ascending and distinct. */
  readonly busiestWeekdays: readonly number[];
  /** Driving days from the zone to the home terminal: ⌈road miles / 550⌉, at least 1. */
  readonly transitDays: number;
}

export interface NarrativeFacts {
  readonly language: OutreachLanguage;
  readonly carrierName: string;
  readonly rep: NarrativeRep | null;
  readonly companyName: string | null;
  readonly lane: ProspectLane;
  readonly searches90: number;
  readonly weeks90: number;
  readonly lastSearchAt: Date;
  /** ≥ 3 distinct weeks in 90 days (§3.2's repeat threshold): the draft may call the lane regular. */
  readonly regularLane: boolean;
  /** Distinct terminal regions, largest terminal first. */
  readonly homeRegions: readonly Region[];
  /** Where the narrative says the trucks head home to. */
  readonly homeRegion: Region;
  /** The prospect's destination is a home region: its freight rides the way the trucks already go. */
  readonly laneGoesHome: boolean;
  readonly zone: ZoneLanding | null;
}

/** Hours-of-service day: 11 h driving at a 50 mph average is 550 road miles a day. */
const AVERAGE_SPEED_MPH = 50;
const DRIVING_HOURS_PER_DAY = 11;
const MILES_PER_DRIVING_DAY = AVERAGE_SPEED_MPH * DRIVING_HOURS_PER_DAY;
/** A weekly regular, as §3.2's tier A counts repeat behaviour over 90 days. */
const REGULAR_WEEKS_90 = 3;
/** Absorbs float noise in trucks × consistency (6 × 0.5 must commit 3, not 2.9999…). */
const FLOOR_EPSILON = 1e-9;

const roads = new GreatCircleRoadDistance();

function invalid(what: string, why: string, value: unknown): NorthboundError {
  return new NorthboundError('invalid_input', `Cannot gather narrative facts: ${what} ${why}`, { value });
}

function checkTerminal(terminal: HomeTerminal, index: number): void {
  if (!isValidLatLon(terminal.lat, terminal.lon))
    throw invalid(
      `terminal ${index} (${terminal.region})`,
      `has no valid point: ${terminal.lat}, ${terminal.lon}`,
      terminal,
    );
  if (!Number.isFinite(terminal.trucks) || terminal.trucks < 0)
    throw invalid(
      `terminal ${index} (${terminal.region})`,
      `has a truck count that is not ≥ 0: ${terminal.trucks}`,
      terminal,
    );
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw invalid(name, `is not a whole number ≥ 0: ${value}`, value);
}

/** The landing to quote: the prospect's equipment when it lands there, else the zone total. O(equipment). */
function zoneLanding(zone: LandingMarket, equipment: Equipment, home: HomeTerminal): ZoneLanding | null {
  const own = zone.equipment.find((e) => e.equipment === equipment);
  for (const value of [zone.trucksPerWeek.mean, zone.consistency, own?.trucksPerWeek, own?.consistency]) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0))
      throw invalid(`zone ${zone.label}`, `has a landing figure that is not a number ≥ 0: ${value}`, zone);
  }
  const busiestWeekdays = [...new Set(zone.busiestWeekdays)].sort((a, b) => a - b);
  for (const day of busiestWeekdays) {
    if (!Number.isInteger(day) || day < 0 || day > 6)
      throw invalid(`zone ${zone.label}`, `has a weekday outside 0 (Monday) … 6 (Sunday): ${day}`, zone);
  }
  const quoted =
    own !== undefined && own.trucksPerWeek > 0
      ? { equipment, trucksPerWeek: own.trucksPerWeek, consistency: own.consistency }
      : { equipment: null, trucksPerWeek: zone.trucksPerWeek.mean, consistency: zone.consistency };
  // A market where nothing landed has nothing true to quote: it is treated as no zone at all.
  if (quoted.trucksPerWeek <= 0) return null;
  const roadMiles = roads.roadMiles(zone, home);
  return {
    label: zone.label,
    ...quoted,
    committedLoadsPerWeek:
      quoted.equipment === null ? 0 : Math.floor(quoted.trucksPerWeek * quoted.consistency + FLOOR_EPSILON),
    busiestWeekdays,
    // A trip home is never less than a day's work, however close the zone.
    transitDays: Math.max(1, Math.ceil(roadMiles / MILES_PER_DRIVING_DAY)),
  };
}

/** O(terminals · log terminals + zone equipment). Throws invalid_input on data no draft could quote. */
export function narrativeFacts(input: NarrativeInput): NarrativeFacts {
  const carrierName = input.carrierName.trim();
  if (carrierName === '') throw invalid('the carrier name', 'is empty', input.carrierName);
  if (input.terminals.length === 0)
    throw invalid(`carrier ${carrierName}`, 'has no home terminals to head home to', input.terminals);
  input.terminals.forEach(checkTerminal);
  const { prospect } = input;
  if (!EQUIPMENT.includes(prospect.lane.equipment))
    throw invalid('the prospect lane', `has unknown equipment "${prospect.lane.equipment}"`, prospect.lane);
  checkCount('searches90', prospect.searches90);
  checkCount('weeks90', prospect.weeks90);
  if (Number.isNaN(prospect.lastSearchAt.getTime()))
    throw invalid('lastSearchAt', 'is not a valid date', prospect.lastSearchAt);

  // Array.prototype.sort is stable: equal terminals keep the caller's (largest-first) order.
  const terminals = [...input.terminals].sort((a, b) => b.trucks - a.trucks);
  const largest = terminals[0] as HomeTerminal;
  const home = terminals.find((t) => t.region === prospect.lane.destRegion) ?? largest;
  const rep =
    input.rep === null || input.rep.name.trim() === ''
      ? null
      : { name: input.rep.name.trim(), email: input.rep.email?.trim() || null };
  return {
    language: input.language,
    carrierName,
    rep,
    companyName: prospect.companyName?.trim() || null,
    lane: prospect.lane,
    searches90: prospect.searches90,
    weeks90: prospect.weeks90,
    lastSearchAt: prospect.lastSearchAt,
    regularLane: prospect.weeks90 >= REGULAR_WEEKS_90,
    homeRegions: [...new Set(terminals.map((t) => t.region))],
    homeRegion: home.region,
    laneGoesHome: home.region === prospect.lane.destRegion,
    zone: input.zone === null ? null : zoneLanding(input.zone, prospect.lane.equipment, home),
  };
}
