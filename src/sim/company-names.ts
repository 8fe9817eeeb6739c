/**
 * Plausible, deterministic names: shipper companies and their web domains, searchers, reps, the carrier,
 * freight brokers.
 * Names are made from word lists so a demo reads like a real book of business ("Lakeshore Provisions
 * LLC", "Toledo Machine Works Inc.") without naming any real company on purpose. Domains are unique
 * within a world because the importer matches companies across sources by domain.
 */
import type { SeededRandom } from './seeded-random.ts';

export type Industry = 'food' | 'manufacturing' | 'wholesale' | 'retail';

// prettier-ignore
const KINDS: Readonly<Record<Industry, readonly string[]>> = {
  food: ['Foods', 'Provisions', 'Farms', 'Kitchens', 'Bakery', 'Creamery', 'Packing', 'Produce', 'Orchards',
    'Beverage', 'Meats', 'Dairy', 'Snacks', 'Growers', 'Fresh'],
  manufacturing: ['Manufacturing', 'Industries', 'Fabrication', 'Metalworks', 'Plastics', 'Components',
    'Machine Works', 'Products', 'Steel', 'Engineering', 'Castings', 'Tooling', 'Packaging', 'Polymers',
    'Paper', 'Building Products', 'Coatings', 'Lumber'],
  wholesale: ['Distribution', 'Supply', 'Wholesale', 'Trading', 'Distributors', 'Sales', 'Logistics Supply',
    'Imports', 'Brands', 'Merchants'],
  retail: ['Stores', 'Outfitters', 'Home Center', 'Market', 'Retail Group', 'Mercantile', 'Hardware',
    'Furniture', 'Grocers', 'Goods'],
};

// prettier-ignore
const PREFIXES = [
  'Great Lakes', 'Summit', 'Pioneer', 'Heartland', 'Keystone', 'Liberty', 'Blue Ridge', 'Prairie',
  'Evergreen', 'Lakeshore', 'Northstar', 'Atlas', 'Cardinal', 'Granite', 'Harbor', 'Red Oak', 'Silver Creek',
  'Sterling', 'Tri-State', 'Allied', 'American', 'Frontier', 'Golden', 'Heritage', 'Midwest', 'Pacific',
  'Patriot', 'Premier', 'River Valley', 'Southern', 'United', 'Westfield', 'Eagle', 'Maple Leaf', 'Crescent',
  'Bluewater', 'Ironwood', 'Cedar', 'Lone Star', 'Magnolia', 'Sunrise', 'Highland', 'Coastal', 'Empire',
  'Gateway', 'Horizon', 'Apex', 'Beacon', 'Copper', 'Delta', 'Falcon', 'Legacy', 'Meridian', 'Orchard Hill',
  'Pinnacle', 'Quarry', 'Sierra', 'Timber', 'Valley', 'Wolverine', 'Buckeye', 'Hoosier', 'Badger'
];

// prettier-ignore
const SURNAMES = [
  'Miller', 'Anderson', 'Johnson', 'Schmidt', 'Kowalski', 'Nguyen', 'Garcia', 'Martinez', 'Olsen',
  'Peterson', 'Brennan', 'Fischer', 'Hoffman', 'Novak', 'Russo', 'Sullivan', 'Thompson', 'Walker', 'Young',
  'Zimmerman', 'Baker', 'Carter', 'Dawson', 'Ellis', 'Foster', 'Graham', 'Hayes', 'Jensen', 'Keller',
  'Larson', 'Meyer', 'Nelson', "O'Brien", 'Patel', 'Quinn', 'Reyes', 'Stewart', 'Turner', 'Vargas', 'Weber',
  'Kim', 'Lopez', 'Murphy', 'Schultz', 'Becker', 'Wagner', 'Lindqvist', 'Kaur', 'Chen', 'Dubois'
];

// prettier-ignore
const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Maria',
  'Daniel', 'Karen', 'Matthew', 'Lisa', 'Anthony', 'Nancy', 'Mark', 'Sandra', 'Steven', 'Ashley', 'Kevin',
  'Emily', 'Brian', 'Michelle', 'Jose', 'Amanda', 'Jason', 'Melissa', 'Ryan', 'Stephanie', 'Luis', 'Rebecca',
  'Eric', 'Laura', 'Tyler', 'Rachel', 'Aaron', 'Megan', 'Priya', 'Wei', 'Fatima', 'Omar', 'Sophie',
  'Mathieu', 'Chantal', 'Jean-Philippe', 'Isabelle', 'Raj', 'Hannah', 'Noah'
];

const SUFFIXES = ['Inc.', 'LLC', 'Co.', 'Corp.', 'Inc.', 'LLC', 'Group'];

// prettier-ignore
const BROKER_KINDS = ['Logistics', 'Freight Solutions', 'Transportation', 'Brokerage', 'Supply Chain',
  'Freight Services', 'Logistics Group', 'Transport Solutions', 'Cargo', 'Freight Management'];
const BROKER_SUFFIXES = ['Inc.', 'LLC', 'Inc.', 'Corp.', 'LLC'];

/** A person's name, e.g. for a searcher or a rep. */
export function personName(random: SeededRandom): { first: string; last: string } {
  return { first: random.pick(FIRST_NAMES), last: random.pick(SURNAMES) };
}

/** "Maria Garcia" → "maria.garcia": the local part of a work email. */
export const emailLocalPart = (person: { first: string; last: string }): string =>
  `${slug(person.first)}.${slug(person.last)}`;

/** Lower-case letters and digits only ("Montréal" → "montreal"). */
export function slug(text: string): string {
  // Decomposing accents is the slow part; most names are plain ASCII.
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * V8 keeps a concatenated string as a rope of its pieces (~300 bytes for a company name); reading a
 * character flattens it in place, and the GC then drops the rope. Strings kept for the life of a
 * large world (600k shippers) are flattened so its plan fits in a few hundred MB.
 */
export function flatString(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Keeps names and domains unique within one world. */
export class CompanyNamer {
  private readonly domains = new Set<string>();

  /** A company name and its domain, both unique in this world. */
  name(random: SeededRandom, cityName: string, industry: Industry): { name: string; domain: string } {
    for (let attempt = 0; ; attempt += 1) {
      const kind = random.pick(KINDS[industry]);
      const style = random.int(4);
      const stem =
        style === 0
          ? `${cityName} ${kind}`
          : style === 1
            ? `${random.pick(PREFIXES)} ${kind}`
            : style === 2
              ? `${random.pick(SURNAMES)} ${kind}`
              : `${random.pick(SURNAMES)} & ${random.pick(['Sons', 'Daughters', 'Partners', 'Co'])} ${kind}`;
      // After a few collisions, qualify with the city: "Summit Foods of Dayton".
      const qualified = attempt < 3 ? stem : `${stem} of ${cityName}${attempt < 6 ? '' : ` ${attempt}`}`;
      const domain = `${slug(qualified)}.com`;
      if (this.domains.has(domain)) continue;
      this.domains.add(domain);
      return { name: flatString(`${qualified} ${random.pick(SUFFIXES)}`), domain: flatString(domain) };
    }
  }

  /** A freight broker's name and domain, e.g. "Northstar Logistics Inc.", both unique in this world. */
  brokerName(random: SeededRandom, cityName: string): { name: string; domain: string } {
    for (let attempt = 0; ; attempt += 1) {
      const kind = random.pick(BROKER_KINDS);
      const stem = random.int(3) === 0 ? `${cityName} ${kind}` : `${random.pick(PREFIXES)} ${kind}`;
      const qualified = attempt < 3 ? stem : `${stem} of ${cityName}${attempt < 6 ? '' : ` ${attempt}`}`;
      const domain = `${slug(qualified)}.com`;
      if (this.domains.has(domain)) continue;
      this.domains.add(domain);
      return { name: `${qualified} ${random.pick(BROKER_SUFFIXES)}`, domain };
    }
  }

  /** Reserves a domain that must not be reused (the carrier's own). */
  reserve(domain: string): void {
    this.domains.add(domain);
  }
}

/** The carrier's name and domain, e.g. "Mississauga Northern Freight Lines". */
export function carrierName(random: SeededRandom, homeCityName: string): { name: string; domain: string } {
  const stem = `${random.pick([homeCityName, random.pick(PREFIXES)])} ${random.pick(['Northern', 'Transborder', 'Express', 'Border', 'Continental', 'Maple'])}`;
  const kind = random.pick(['Freight Lines', 'Transport', 'Trucking', 'Carriers', 'Logistics']);
  return { name: `${stem} ${kind} Ltd.`, domain: `${slug(`${stem} ${kind}`)}.ca` };
}
