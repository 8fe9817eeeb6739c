/** How place names are matched: the key a planner's spelling and GeoNames' spelling meet at. */

/**
 * Planners' abbreviations, applied to whole words after folding: "St. Louis" and "Saint Louis" meet
 * at "saint louis", GeoNames' "Sault Ste. Marie" and "Sault Sainte Marie" at "sault sainte marie".
 */
const WORD_EXPANSIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  ft: 'fort',
  mt: 'mount',
  hts: 'heights',
  spgs: 'springs',
  jct: 'junction',
};
/** "N Little Rock", "W. Sacramento": only as the first of several words, where nothing else fits. */
const COMPASS_EXPANSIONS: Readonly<Record<string, string>> = { n: 'north', s: 'south', e: 'east', w: 'west' };

/**
 * The matching key of a place name: case, diacritics (Montréal = Montreal), apostrophes
 * (O'Fallon = OFallon, Hawaiian ‘okina), punctuation and spacing are ignored; abbreviations expanded.
 */
export function placeNameKey(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/['‘’ʻ`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (folded === '') return '';
  const words = folded.split(' ');
  return words
    .map(
      (word, i) =>
        WORD_EXPANSIONS[word] ?? (i === 0 && words.length > 1 ? COMPASS_EXPANSIONS[word] : undefined) ?? word,
    )
    .join(' ');
}

/** The keys a city answers to: its name, and the part before a comma or parenthesis ("Washington, D.C."). */
export function keysOf(name: string): string[] {
  const keys = new Set([placeNameKey(name), placeNameKey(name.split(/[,(]/)[0] ?? '')]);
  keys.delete('');
  return [...keys];
}
