/** 2-letter US state (50 + DC) and Canadian province/territory codes, as in the BTS files. */
export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
] as const;
export const CA_PROVINCES = [
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
] as const;

export type UsState = (typeof US_STATES)[number];
export type Province = (typeof CA_PROVINCES)[number];
export type Region = UsState | Province;
export type Country = 'US' | 'CA';

const usStates: ReadonlySet<string> = new Set(US_STATES);
const provinces: ReadonlySet<string> = new Set(CA_PROVINCES);

export const isRegion = (value: string): value is Region => usStates.has(value) || provinces.has(value);
export const isProvince = (value: string): value is Province => provinces.has(value);
export const isUsState = (value: string): value is UsState => usStates.has(value);
export const countryOf = (region: Region): Country => (provinces.has(region) ? 'CA' : 'US');
