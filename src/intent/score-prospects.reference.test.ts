import { describe, expect, it } from 'vitest';
import {
  firstDifference,
  randomColumns,
  randomLanding,
  randomOptions,
} from './random-signals.test-support.ts';
import { referenceScores } from './reference-scores.test-support.ts';
import { scoreProspects } from './score-prospects.ts';

describe('scoreProspects against the plain reference', () => {
  it('gives the same columns, bit for bit, on random signals', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const columns = randomColumns(seed);
      const landing = randomLanding(seed);
      const options = randomOptions(seed);
      const fast = scoreProspects(columns, landing, options);
      const slow = referenceScores(columns, landing, options);
      const difference = firstDifference(fast, slow);
      if (difference !== null) {
        const { column, company, actual, expected } = difference;
        expect.fail(
          `seed ${seed}, ${column}[${columns.companyIds[company]}]: ${actual} ≠ reference ${expected}`,
        );
      }
    }
  });
});
