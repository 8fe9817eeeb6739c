/**
 * Bot-like company ids: rate scrapers and market-intel tools that sit on load boards under a company
 * account. Each fires a few bursts of dozens of searches inside an hour over random lanes. Their ids
 * come from the same id space as shippers (companyIdOf), so only behaviour gives them away; the truth
 * file names them so the intent scorer can be checked for not ranking them.
 */
import { slug } from './company-names.ts';
import { companyIdOf } from './place-shippers.ts';
import { SeededRandom } from './seeded-random.ts';
import { HISTORY_DAYS } from './world-calendar.ts';
import { SIGNAL_SOURCES, type Bot, type BotBurst } from './world-model.ts';

const BRANDS = ['FreightPulse', 'LaneScout', 'RateRadar', 'LoadLens', 'HaulMetric', 'DockSignal', 'CargoSense',
  'TruckIQ', 'ShipQuant', 'RouteOracle']; // prettier-ignore
const KINDS = ['Analytics', 'Data', 'Insights', 'Labs', 'Intelligence'];

/** Bots are numbered after the shippers so their company ids never collide with a shipper's. */
export function buildBots(seed: number, count: number, burstsPerBot: number, firstIndex: number): Bot[] {
  const random = new SeededRandom(seed, 'bots');
  return Array.from({ length: count }, (_, i) => {
    const stem = `${BRANDS[i % BRANDS.length] ?? 'Freight'} ${random.pick(KINDS)}${i >= BRANDS.length ? ` ${i}` : ''}`;
    const bursts: BotBurst[] = Array.from({ length: burstsPerBot }, () => ({
      day: random.int(HISTORY_DAYS),
      minute: random.int(23 * 60),
      searches: random.intBetween(20, 60),
    }));
    return {
      index: i,
      companyId: companyIdOf(seed, firstIndex + i),
      name: `${stem} LLC`,
      domain: `${slug(stem)}.io`,
      source: random.pick(SIGNAL_SOURCES),
      bursts: bursts.sort((a, b) => a.day - b.day || a.minute - b.minute),
    };
  });
}
