/**
 * Local wall-clock time for a region, written as ISO 8601 with its UTC offset ("2024-06-11T09:30:00-05:00"),
 * as §7 asks. Files from real users carry the shipper's or consignee's local offset, so the world does too.
 *
 * One standard offset per state or province (the zone most of its freight lives in; split states such as
 * TN, KY or IN take their larger zone) and the North American daylight-saving rule since 2007: from the
 * second Sunday of March, 02:00 local standard time, to the first Sunday of November, 02:00 local
 * daylight time. AZ, HI, SK and YT keep standard time all year.
 */
import type { Region } from '../domain/regions.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// prettier-ignore
const STANDARD_OFFSET_HOURS: Readonly<Record<Region, number>> = {
  // Eastern
  CT: -5, DE: -5, DC: -5, FL: -5, GA: -5, IN: -5, KY: -5, ME: -5, MD: -5, MA: -5, MI: -5, NH: -5, NJ: -5,
  NY: -5, NC: -5, OH: -5, PA: -5, RI: -5, SC: -5, VT: -5, VA: -5, WV: -5, ON: -5, QC: -5, NU: -5,
  // Central
  AL: -6, AR: -6, IL: -6, IA: -6, KS: -6, LA: -6, MN: -6, MS: -6, MO: -6, NE: -6, ND: -6, OK: -6, SD: -6,
  TN: -6, TX: -6, WI: -6, MB: -6, SK: -6,
  // Mountain
  AZ: -7, CO: -7, ID: -7, MT: -7, NM: -7, UT: -7, WY: -7, AB: -7, NT: -7, YT: -7,
  // Pacific, Alaska, Hawaii
  CA: -8, NV: -8, OR: -8, WA: -8, BC: -8, AK: -9, HI: -10,
  // Atlantic, Newfoundland
  NB: -4, NS: -4, PE: -4, NL: -3.5,
};

const NO_DAYLIGHT_SAVING: ReadonlySet<Region> = new Set<Region>(['AZ', 'HI', 'SK', 'YT']);

/** UTC instant of the n-th Sunday (1-based) of a month at 00:00 UTC. */
function nthSundayUtc(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const weekday = new Date(first).getUTCDay();
  return first + (((7 - weekday) % 7) + (n - 1) * 7) * DAY_MS;
}

const dstCache = new Map<string, readonly [number, number]>();

/** [start, end) of daylight saving as UTC instants, for a zone with the given standard offset. */
function daylightSavingUtc(year: number, standardOffsetHours: number): readonly [number, number] {
  const cacheKey = `${year}|${standardOffsetHours}`;
  const cached = dstCache.get(cacheKey);
  if (cached) return cached;
  // 02:00 local standard time = 02:00 − offset in UTC; the end is 02:00 daylight = 01:00 standard.
  const start = nthSundayUtc(year, 2, 2) + (2 - standardOffsetHours) * HOUR_MS;
  const end = nthSundayUtc(year, 10, 1) + (1 - standardOffsetHours) * HOUR_MS;
  const range = [start, end] as const;
  dstCache.set(cacheKey, range);
  return range;
}

/** Offset from UTC in minutes at an instant (e.g. −240 for EDT). */
export function utcOffsetMinutes(region: Region, instantMs: number): number {
  const standard = STANDARD_OFFSET_HOURS[region];
  if (NO_DAYLIGHT_SAVING.has(region)) return standard * 60;
  const year = new Date(instantMs).getUTCFullYear();
  const [start, end] = daylightSavingUtc(year, standard);
  return (standard + (instantMs >= start && instantMs < end ? 1 : 0)) * 60;
}

/**
 * The instant at which the clock in `region` shows a local date (given as that date's 00:00 UTC) plus
 * `minutesIntoDay`.
 */
export function localTimeToInstant(region: Region, localDayUtcMs: number, minutesIntoDay: number): number {
  const wallClock = localDayUtcMs + minutesIntoDay * MINUTE_MS;
  // Guess with the standard offset, then correct once for daylight saving.
  const guess = wallClock - STANDARD_OFFSET_HOURS[region] * HOUR_MS;
  return wallClock - utcOffsetMinutes(region, guess) * MINUTE_MS;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 with the region's local offset, to the second. */
export function formatLocalTimestamp(instantMs: number, region: Region): string {
  const offset = utcOffsetMinutes(region, instantMs);
  const local = new Date(Math.floor(instantMs / 1000) * 1000 + offset * MINUTE_MS);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
    `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}
