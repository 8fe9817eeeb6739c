import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firstDifference,
  randomColumns,
  randomLanding,
  randomOptions,
} from '../intent/random-signals.test-support.ts';
import { scoreProspects } from '../intent/score-prospects.ts';
import { ScoringThreads } from './scoring-threads.ts';
import { chunkCompanies } from './chunk-companies.ts';

describe('ScoringThreads', () => {
  let threads: ScoringThreads;
  beforeAll(async () => {
    threads = ScoringThreads.start({ minRows: 0 });
    await threads.ready();
  });
  afterAll(() => threads.close());

  it('gives the same columns as one thread, bit for bit, on random signals', () => {
    expect(threads.threads).toBe(2);
    for (let seed = 1; seed <= 40; seed++) {
      const columns = randomColumns(seed);
      const landing = randomLanding(seed);
      const options = randomOptions(seed);
      const difference = firstDifference(
        threads.score(columns, landing, options),
        scoreProspects(columns, landing, options),
      );
      if (difference !== null) expect.fail(`seed ${seed}: ${JSON.stringify(difference)}`);
    }
    // A failed worker would have been replaced by one thread with the same answers: it must not have.
    expect(threads.brokenBecause).toBeNull();
    expect(threads.threads).toBe(2);
  });

  it('throws the core error for a bad point in its own half and keeps both threads', () => {
    const columns = randomColumns(7);
    const landing = randomLanding(7);
    const options = randomOptions(7);
    const lat = columns.placeLat[0]!;
    columns.placeLat[0] = 200;
    expect(() => threads.score(columns, landing, options)).toThrow(/200.*not a latitude/);
    columns.placeLat[0] = lat;
    expect(
      firstDifference(threads.score(columns, landing, options), scoreProspects(columns, landing, options)),
    ).toBeNull();
    expect(threads.threads).toBe(2);
  });

  it('redoes the job on one thread when the worker fails, and scores alone from then on', () => {
    const columns = randomColumns(11);
    const landing = randomLanding(11);
    const options = randomOptions(11);
    const last = columns.placeLat.length - 1;
    const lat = columns.placeLat[last]!;
    // The worker prices the second half of the places: a bad point there fails the worker's half,
    // and the job redone on this thread reports it as scoreProspects does.
    columns.placeLat[last] = -95;
    expect(() => threads.score(columns, landing, options)).toThrow(/-95.*not a latitude/);
    expect(threads.brokenBecause).toMatch(/worker failed/);
    expect(threads.threads).toBe(1);
    columns.placeLat[last] = lat;
    expect(
      firstDifference(threads.score(columns, landing, options), scoreProspects(columns, landing, options)),
    ).toBeNull();
  });
});

describe('ScoringThreads.ready', () => {
  it('holds a process with nothing else to do open until the worker has loaded', () => {
    // The worker is unreferenced; before ready() referenced it, such a process exited at once,
    // printing nothing.
    const module = fileURLToPath(new URL('./scoring-threads.ts', import.meta.url));
    const script = `import { ScoringThreads } from ${JSON.stringify(module)};
const threads = ScoringThreads.start();
await threads.ready();
console.log('threads', threads.threads);`;
    const printed = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(printed.trim()).toBe('threads 2');
  });
});

describe('chunkCompanies', () => {
  it('cuts at equal shares of the rows plus two rows a company, dropping empty chunks', () => {
    // Costs 3, 3, 3, 3 and 14 (a company of 12 rows): halves of 26 meet before the big company.
    expect([...chunkCompanies(Int32Array.from([0, 1, 2, 3, 4, 16]), 2)]).toEqual([0, 4, 5]);
    // Ten chunks of one company of 10 rows: one chunk, not ten.
    expect([...chunkCompanies(Int32Array.from([0, 10]), 10)]).toEqual([0, 1]);
    expect([...chunkCompanies(Int32Array.from([0, 10, 20, 30, 40]), 4)]).toEqual([0, 1, 2, 3, 4]);
    expect([...chunkCompanies(Int32Array.from([0]), 4)]).toEqual([0]);
  });
});
