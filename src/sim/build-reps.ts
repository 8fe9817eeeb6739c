/**
 * The carrier's sales reps. Territories are the top landing markets, dealt round-robin by rank so each
 * rep gets a mix of big and small markets (the balance §3.4's assignment starts from); capacity is the
 * number of open outreach tasks a rep can carry. Reps sit at the terminals in proportion to their
 * trucks (largest remainder), so a Quebec terminal has reps who write in French.
 */
import { emailLocalPart, personName } from './company-names.ts';
import type { LandingMarket } from './landing-markets.ts';
import { SeededRandom } from './seeded-random.ts';
import type { Carrier } from './world-model.ts';
import type { RepRow } from './world-rows.ts';

const MARKETS_PER_REP = 3;

export function buildReps(
  seed: number,
  count: number,
  carrier: Carrier,
  markets: readonly LandingMarket[],
): RepRow[] {
  const random = new SeededRandom(seed, 'reps');
  const territoryMarkets = markets.slice(0, count * MARKETS_PER_REP);
  const offices = repOffices(count, carrier);
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    let person = personName(random);
    while (used.has(emailLocalPart(person))) person = personName(random);
    used.add(emailLocalPart(person));
    const territories = territoryMarkets.filter((_, rank) => rank % count === i).map((m) => m.label);
    return {
      rep_id: `R${String(i + 1).padStart(2, '0')}`,
      name: `${person.first} ${person.last}`,
      email: `${emailLocalPart(person)}@${carrier.domain}`,
      territories: territories.join(';'),
      capacity: String(15 + random.int(26)),
      region: offices[i] ?? '',
    };
  });
}

/** The province of each rep's office: terminals get reps in proportion to their trucks, largest first. */
function repOffices(count: number, carrier: Carrier): string[] {
  const trucks = carrier.terminals.map(
    (t) => carrier.trucks.filter((x) => x.terminal.index === t.index).length,
  );
  const total = trucks.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const quotas = trucks.map((n) => (n * count) / total);
  const seats = quotas.map(Math.floor);
  const byRemainder = quotas
    .map((q, i) => ({ i, r: q - Math.floor(q) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0, left = count - seats.reduce((a, b) => a + b, 0); k < left; k++) {
    const i = byRemainder[k % byRemainder.length]!.i;
    seats[i] = seats[i]! + 1;
  }
  return carrier.terminals.flatMap((t, i) => Array.from({ length: seats[i]! }, () => t.province as string));
}
