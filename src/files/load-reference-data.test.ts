import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isNorthboundError } from '../domain/errors.ts';
import { loadReferenceData, REFERENCE_FILES } from './load-reference-data.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of data/ with one file replaced, for the error paths. */
function dataDirWith(file: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'northbound-reference-'));
  scratch.push(dir);
  for (const name of Object.values(REFERENCE_FILES)) cpSync(join(DATA_DIR, name), join(dir, name));
  writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadReferenceData', () => {
  it('reads every table with the row counts data/README.md documents', () => {
    const reference = loadReferenceData();
    expect(reference.tradeFlows).toHaveLength(37_878);
    expect(reference.hs2Commodities).toHaveLength(99);
    expect(reference.stateSectors).toHaveLength(200);
    expect(reference.countySectors).toHaveLength(6_193);
    expect(reference.countyCentroids).toHaveLength(3_142);
    expect(reference.zipCentroids.length).toBeGreaterThan(30_000);
  });

  it('keeps codes as strings and decodes types', () => {
    const { tradeFlows, hs2Commodities, stateSectors, countySectors } = loadReferenceData();
    expect(hs2Commodities[0]).toEqual({ hs2: '01', name: 'Live animals' });
    expect(countySectors[0]?.countyFips).toBe('01001');
    const exportRow = tradeFlows.find((f) => f.direction === 'export');
    expect(exportRow?.weightKg).toBeNull();
    const importKg = tradeFlows
      .filter((f) => f.direction === 'import' && f.province === 'ON')
      .reduce((sum, f) => sum + (f.weightKg ?? 0), 0);
    // README: imports from ON weighed 21.32 Mt.
    expect(importKg / 1e9).toBeCloseTo(21.32, 1);
    const michigan = stateSectors.find((s) => s.state === 'MI' && s.sector === 'other_mfg');
    expect(michigan).toMatchObject({ establishments: 10_875, employees: 535_371, hasCountyDetail: false });
  });

  it('reads the DAT and ATRI figures from economics.md', () => {
    const { economics } = loadReferenceData();
    expect(economics.spotRatePerMile).toEqual({ dry_van: 2.07, reefer: 2.45, flatbed: 2.53 });
    expect(economics.contractRatePerMile).toEqual({ dry_van: 2.44, reefer: 2.81, flatbed: 3.14 });
    expect(economics.costPerMile).toBe(2.26);
  });

  it('names the file, row and value when a table is broken', () => {
    const dir = dataDirWith(
      REFERENCE_FILES.stateSectors,
      'state,sector,naics,establishments,employees,annual_payroll_kusd,has_county_detail\nAK,food_mfg,311-312,many,7709,1,yes\n',
    );
    try {
      loadReferenceData({ dataDir: dir });
      expect.unreachable();
    } catch (error) {
      expect(isNorthboundError(error) && error.code).toBe('internal');
      expect((error as Error).message).toMatch(
        /cbp-state-sectors-2021\.csv row 2: establishments "many" is not a number/,
      );
    }
  });

  it('says which figure is missing from economics.md', () => {
    const dir = dataDirWith(REFERENCE_FILES.economics, '# nothing here\n');
    expect(() => loadReferenceData({ dataDir: dir })).toThrow(
      /economics\.md: expected a table row "\| Spot rate prior/,
    );
  });

  it('says which file is missing', () => {
    expect(() => loadReferenceData({ dataDir: join(tmpdir(), 'no-such-northbound-data') })).toThrow(
      /Cannot read .*transborder-truck-canada-2024\.csv/,
    );
  });
});
