/**
 * The pool and the broker's EDI from the command line, on PGlite and (when DATABASE_URL is set)
 * PostgreSQL. The privacy proof: with --as partner:maple, every pool command — lanes, plan by every
 * method, opportunities, in text and JSON — prints nothing that belongs only to another partner: no
 * other partner's id, name, lane id, place or money. The file gives each of those a value found nowhere
 * else, so a leak cannot hide behind a common word.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEdiX12 } from '../src/ingest/edi-x12.ts';
import { cliEngines, cliRunner } from './support/cli-engines.ts';

const LANES = [
  'partner_id,lane_id,origin_city,origin_region,dest_city,dest_region,equipment,loads_per_week,partner_name,cost_per_load,rate_per_load,currency',
  'maple,MAPLE-TOR-CHI,Toronto,ON,Chicago,IL,dry_van,4,Maple Freight,1500,2100,CAD',
  'maple,MAPLE-MTL-DET,Montreal,QC,Detroit,MI,dry_van,2,Maple Freight,1400,2000,CAD',
  'lakes,LAKESLANE-1,Chicago,IL,Toronto,ON,dry_van,3,Zephyrine Foods,6161,7373,USD',
  'lakes,LAKESLANE-2,Detroit,MI,Montreal,QC,dry_van,1,Zephyrine Foods,6262,7474,USD',
  'prairie,PRAIRIELANE-1,Calgary,AB,Chicago,IL,reefer,2,Quillfeather Cold,6363,7575,USD',
  'prairie,PRAIRIELANE-2,Chicago,IL,Winnipeg,MB,reefer,1,Quillfeather Cold,6464,7676,USD',
].join('\n');

/** What only lakes and prairie know: a partner view showing any of these has leaked. */
const OTHERS_ONLY = [
  'lakes',
  'prairie',
  'Zephyrine',
  'Quillfeather',
  'LAKESLANE',
  'PRAIRIELANE',
  'Calgary',
  'Winnipeg',
  'reefer',
  ...['6161', '6262', '6363', '6464', '7373', '7474', '7575', '7676'].flatMap((n) => [
    n,
    `${n[0]},${n.slice(1)}`,
  ]),
];

const METHODS = ['shapley', 'dual', 'nucleolus', 'proportional', 'epm'] as const;

// Each case spawns the CLI several times (a fresh node, store and migration each): minutes on a busy machine.
describe.each(cliEngines('nb_pool'))('the pool on $name', { timeout: 600_000 }, (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-pool-'));
  const db = join(dir, 'db');
  const lanesFile = join(dir, 'lanes.csv');
  writeFileSync(lanesFile, LANES);
  const run = cliRunner(engine, db);
  afterAll(() => engine.cleanup());

  it('imports the lanes, idempotently', () => {
    expect(run('pool', 'import', lanesFile).code).toBe(0);
    const again = JSON.parse(run('pool', 'import', lanesFile, '--json').stdout);
    expect(again).toMatchObject({ committed: true, rowsNew: 0, rowsUnchanged: 6 });
  });

  it('shows the broker every partner, an efficient split with non-negative savings, and the core check', () => {
    for (const method of METHODS) {
      const plan = JSON.parse(run('pool', 'plan', '--method', method, '--json').stdout);
      expect(plan.role).toBe('broker');
      expect(plan.partners.map((p: { partnerId: string }) => p.partnerId)).toEqual([
        'lakes',
        'maple',
        'prairie',
      ]);
      const allocated = plan.partners.reduce(
        (sum: number, p: { allocatedCost: number }) => sum + p.allocatedCost,
        0,
      );
      expect(allocated).toBeCloseTo(plan.pooledCost, 3);
      expect(plan.savings).toBeGreaterThan(0);
      // Dual, nucleolus and equal-profit are in the core by construction (the core is not empty here);
      // Shapley and proportional need not be, and the check must say which.
      if (method === 'dual' || method === 'nucleolus' || method === 'epm')
        expect(plan.pool.allocationInCore).toBe(true);
      expect(plan.pool.allocationInCore).toBe(plan.coreViolations.length === 0);
      for (const partner of plan.partners) expect(partner.savings).toBeGreaterThan(-1e-6);
    }
  });

  it("never shows a partner another partner's lanes, names, places or money, by any pool command", () => {
    const outputs: { command: string; text: string }[] = [];
    const record = (...args: string[]) => {
      const result = run(...args, '--as', 'partner:maple');
      outputs.push({ command: args.join(' '), text: result.stdout + result.stderr });
      return result;
    };
    for (const json of [[], ['--json']]) {
      expect(record('pool', 'lanes', ...json).code).toBe(0);
      for (const method of METHODS) expect(record('pool', 'plan', '--method', method, ...json).code).toBe(0);
      expect(record('pool', 'plan', '--max-cycle-days', '1', ...json).code).toBe(0);
      expect(record('pool', 'opportunities', ...json).code).toBe(77);
    }
    for (const { command, text } of outputs) {
      for (const secret of OTHERS_ONLY)
        expect({ command, leaked: text.includes(secret) ? secret : null }).toEqual({ command, leaked: null });
    }
    // The partner does see its own lanes and money, and the pool's totals.
    const view = JSON.parse(run('pool', 'plan', '--json', '--as', 'partner:maple').stdout);
    expect(view.lanes.map((l: { laneId: string }) => l.laneId)).toEqual(['MAPLE-MTL-DET', 'MAPLE-TOR-CHI']);
    expect(view.partner.partnerId).toBe('maple');
    expect(view.pool).toMatchObject({ partners: 3, lanes: 6 });
    expect(Object.keys(view).sort()).toEqual([
      'costPerMile',
      'how',
      'lanes',
      'method',
      'partner',
      'pool',
      'role',
      'timeLimited',
    ]);
    const lanes = JSON.parse(run('pool', 'lanes', '--json', '--as', 'partner:maple').stdout);
    expect(lanes.map((l: { lane: { laneId: string } }) => l.lane.laneId)).toEqual([
      'MAPLE-MTL-DET',
      'MAPLE-TOR-CHI',
    ]);
  });

  it('refuses an unknown partner without naming who is in the pool, and a malformed --as', () => {
    const unknown = run('pool', 'plan', '--as', 'partner:nobody');
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toContain('Partner nobody has no lanes in this pool');
    for (const secret of ['maple', 'lakes', 'prairie']) expect(unknown.stderr).not.toContain(secret);
    const bad = run('pool', 'plan', '--as', 'partner:');
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('expected "broker" or "partner:<partner_id>"');
  });

  it('reads 204 tenders into loads, answers each once with a 990 the parser reads back, and refuses a malformed file whole', () => {
    const fixture = join(import.meta.dirname, 'fixtures', 'edi', 'two-tenders.edi');
    const imported = JSON.parse(run('tender', 'import', fixture, '--json').stdout);
    expect(imported).toMatchObject({ tenders: 2, loadIds: ['SHP-88123', 'SHP-88124'] });

    const accepted = run('tender', 'respond', 'SHP-88123', 'accept');
    expect(accepted.code).toBe(0);
    const interchange = parseEdiX12(accepted.stdout, '990.edi');
    expect(interchange).toMatchObject({
      senderId: 'NORTHBOUND',
      receiverId: 'SHIPPERCO',
      controlNumber: '000000001',
    });
    const b1 = interchange.groups[0]?.transactions[0]?.body.find((segment) => segment.id === 'B1');
    expect(b1?.elements).toEqual(['B1', 'NBHL', 'SHP-88123', expect.stringMatching(/^\d{8}$/), 'A']);

    const out = join(dir, 'decline.990');
    expect(
      run('tender', 'respond', 'SHP-88124', 'decline', '--reason', 'no capacity', '--out', out).code,
    ).toBe(0);
    const declined = parseEdiX12(readFileSync(out, 'utf8'), 'decline.990');
    expect(declined.controlNumber).toBe('000000002');
    const body = declined.groups[0]?.transactions[0]?.body ?? [];
    expect(body.find((s) => s.id === 'B1')?.elements[4]).toBe('D');
    expect(body.find((s) => s.id === 'K1')?.elements[1]).toBe('no capacity');

    const twice = run('tender', 'respond', 'SHP-88124', 'accept');
    expect(twice.code).toBe(75);
    expect(twice.stderr).toContain('already answered (decline');

    const broken = join(dir, 'broken.edi');
    writeFileSync(
      broken,
      readFileSync(fixture, 'utf8')
        .replace('SHP-88123', 'SHP-99999')
        .replace('G62*37*20261124*I*0800*LT', 'G62*37*2026112X*I*0800*LT'),
    );
    const refused = run('tender', 'import', broken);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/broken\.edi segment \d+ \(G62\): element 02 "2026112X" is not a date/);
    const list = JSON.parse(run('tender', 'list', '--json').stdout);
    expect(list.map((t: { loadId: string; response: string }) => [t.loadId, t.response])).toEqual([
      ['SHP-88123', 'accept'],
      ['SHP-88124', 'decline'],
    ]);

    // The shipper cancels the accepted tender (and one we never received): the broker is warned to
    // release the truck, the tender shows it, and it can no longer be answered.
    const cancel = join(dir, 'cancel.edi');
    writeFileSync(
      cancel,
      [
        'ISA*00*          *00*          *ZZ*SHIPPERCO      *ZZ*NORTHBOUND     *261121*0800*U*00401*000000102*0*P*>',
        'GS*SM*SHIPPERCO*NORTHBOUND*20261121*0800*102*X*004010',
        'ST*204*0001',
        'B2**NBHL**SHP-88123**PP',
        'B2A*01*LT',
        'SE*4*0001',
        'ST*204*0002',
        'B2**NBHL**SHP-77777**PP',
        'B2A*01*LT',
        'SE*4*0002',
        'GE*2*102',
        'IEA*1*000000102',
      ].join('~\n') + '~\n',
    );
    const cancelled = run('tender', 'import', cancel);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain('cancelled after we accepted — release the truck: SHP-88123');
    expect(cancelled.stdout).toContain('cancellations of tenders never received, ignored: SHP-77777');
    expect(run('tender', 'list').stdout).toMatch(/SHP-88123 .* accept, cancelled 2026-/);
    expect(run('tender', 'import', cancel).stdout).toContain('already cancelled, unchanged: SHP-88123');
  });
});
