import { describe, expect, test } from 'vitest';
import { IMPORT_KINDS, IMPORT_SPECS, isImportKind } from './import-kinds.ts';
import { ROW_PARSERS } from './row-parsers.ts';

describe('import kinds', () => {
  test('the columns are DESIGN.md §7, exactly', () => {
    const table = Object.fromEntries(
      IMPORT_KINDS.map((kind) => {
        const spec = IMPORT_SPECS[kind];
        return [kind, { id: spec.sourceIdColumn, required: spec.required, optional: spec.optional }];
      }),
    );
    expect(table).toEqual({
      fleet: {
        id: 'truck_id',
        required: ['truck_id', 'equipment', 'home_city', 'home_region'],
        optional: ['domicile', 'credentials'],
      },
      deliveries: {
        id: 'delivery_id',
        required: ['delivery_id', 'truck_id', 'dest_city', 'dest_region', 'delivered_at'],
        optional: [
          'origin_city',
          'origin_region',
          'dest_zip',
          'dest_lat',
          'dest_lon',
          'equipment',
          'loaded_miles',
          'revenue',
          'currency',
        ],
      },
      signals: {
        id: 'signal_id',
        required: ['signal_id', 'observed_at', 'company_id', 'origin_region', 'dest_region', 'equipment'],
        optional: [
          'source',
          'company_name',
          'company_domain',
          'searcher_id',
          'origin_city',
          'origin_zip',
          'origin_lat',
          'origin_lon',
          'dest_city',
          'industry',
          'company_employees',
        ],
      },
      loads: {
        id: 'load_id',
        required: [
          'load_id',
          'origin_city',
          'origin_region',
          'dest_city',
          'dest_region',
          'pickup_earliest',
          'pickup_latest',
          'equipment',
          'rate',
        ],
        optional: [
          'shipper_id',
          'shipper_name',
          'delivery_latest',
          'weight_lb',
          'currency',
          'status',
          'requirements',
          'pre_arranged',
        ],
      },
      // One extension to §7: reps may say where they work (region), so a rep in Quebec drafts in French.
      reps: {
        id: 'rep_id',
        required: ['rep_id', 'name'],
        optional: ['email', 'territories', 'capacity', 'region'],
      },
      lanes: {
        id: 'lane_id',
        required: [
          'partner_id',
          'lane_id',
          'origin_city',
          'origin_region',
          'dest_city',
          'dest_region',
          'equipment',
          'loads_per_week',
        ],
        optional: ['partner_name', 'cost_per_load', 'rate_per_load', 'currency'],
      },
    });
  });

  test('each source id column is required, lists are known columns, every kind has a parser', () => {
    for (const kind of IMPORT_KINDS) {
      const spec = IMPORT_SPECS[kind];
      expect(spec.kind).toBe(kind);
      expect(spec.required).toContain(spec.sourceIdColumn);
      for (const column of spec.listColumns) expect(spec.known.has(column)).toBe(true);
      expect(typeof ROW_PARSERS[kind]).toBe('function');
    }
    expect(isImportKind('signals')).toBe(true);
    expect(isImportKind('lanes')).toBe(true);
    expect(isImportKind('tenders')).toBe(false);
  });
});
