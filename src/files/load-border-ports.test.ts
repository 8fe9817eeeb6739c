import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseBorderPort } from '../compliance/choose-border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import { GreatCircleRoadDistance } from '../domain/geo.ts';
import { BORDER_PORTS_FILE, loadBorderPorts } from './load-border-ports.ts';

const HEADER = readFileSync(
  join(fileURLToPath(new URL('../../data/', import.meta.url)), BORDER_PORTS_FILE),
  'utf8',
).split('\n')[0];
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataDirWith(rows: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'northbound-ports-'));
  scratch.push(dir);
  writeFileSync(join(dir, BORDER_PORTS_FILE), `${HEADER}\n${rows}\n`);
  return dir;
}

function failure(run: () => unknown): NorthboundError {
  try {
    run();
  } catch (error) {
    if (error instanceof NorthboundError) return error;
    throw error;
  }
  throw new Error('expected a NorthboundError');
}

describe('loadBorderPorts', () => {
  it('reads all 89 ports with the 2018 total data/README.md verifies', () => {
    const ports = loadBorderPorts();
    expect(ports.size).toBe(89);
    const total = [...ports.values()].reduce((sum, p) => sum + (p.trucksInbound2018 ?? 0), 0);
    expect(total).toBe(5_830_926);
  });

  it('keeps leading zeros and decodes the columns', () => {
    const ports = loadBorderPorts();
    expect(ports.get('0901')).toEqual({
      portCode: '0901',
      portName: 'Buffalo-Niagara Falls',
      crossingName: 'Buffalo Niagara Falls',
      state: 'NY',
      cbpDistrict: 'Buffalo, NY',
      lat: 43.09549,
      lon: -79.055847,
      trucksInbound2018: 941_574,
      monthsReported2018: 12,
      handlesTrucks: true,
    });
    expect(ports.get('3801')?.trucksInbound2018).toBe(1_581_443);
    expect(ports.get('3325')?.crossingName).toBe('Willow Creek');
  });

  it('keeps the ten ports with no 2018 truck traffic but marks them', () => {
    const closed = [...loadBorderPorts().values()].filter((p) => !p.handlesTrucks).map((p) => p.portCode);
    // 0 trucks: Portland, Cape Vincent, Anacortes, Nighthawk, Friday Harbor, Havre, Algonac;
    // absent from the 2018 file: Bar Harbor, Whitetail, Noyes.
    expect(closed).toEqual(['0101', '0112', '0706', '3010', '3011', '3014', '3312', '3325', '3402', '3814']);
    expect(loadBorderPorts().get('0112')).toMatchObject({
      trucksInbound2018: null,
      monthsReported2018: null,
    });
    // Ketchikan handled a single truck: rare, but it did handle trucks.
    expect(loadBorderPorts().get('3102')?.handlesTrucks).toBe(true);
  });

  it('names the file, row and value when a row is broken', () => {
    const badCode = failure(() =>
      loadBorderPorts({
        dataDir: dataDirWith('901,Buffalo,Buffalo,NY,"Buffalo, NY",43.1,-79.1,5,1,1,0.5,12'),
      }),
    );
    expect(badCode.code).toBe('internal');
    expect(badCode.message).toMatch(/border-ports\.csv row 2: port_code "901" is not 4 digits$/);

    const badState = failure(() =>
      loadBorderPorts({
        dataDir: dataDirWith('0901,Buffalo,Buffalo,ON,"Buffalo, NY",43.1,-79.1,5,1,1,0.5,12'),
      }),
    );
    expect(badState.message).toMatch(/row 2: state "ON" is not a US state code$/);

    const badCount = failure(() =>
      loadBorderPorts({
        dataDir: dataDirWith('0901,Buffalo,Buffalo,NY,"Buffalo, NY",43.1,-79.1,5.5,1,1,0.5,12'),
      }),
    );
    expect(badCount.message).toMatch(/row 2: trucks_inbound_2018 "5.5" is not a count ≥ 0$/);

    const twice = failure(() =>
      loadBorderPorts({
        dataDir: dataDirWith(
          '0901,Buffalo,Buffalo,NY,"Buffalo, NY",43.1,-79.1,5,1,1,0.5,12\n0901,Buffalo,Buffalo,NY,"Buffalo, NY",43.1,-79.1,5,1,1,0.5,12',
        ),
      }),
    );
    expect(twice.message).toMatch(/row 3: port_code "0901" appears twice$/);
  });

  it('says how to get the file back when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'northbound-ports-'));
    scratch.push(dir);
    const error = failure(() => loadBorderPorts({ dataDir: dir }));
    expect(error.message).toContain(`Cannot read ${join(dir, BORDER_PORTS_FILE)}`);
    expect(error.message).toContain('data/README.md');
  });
  it('picks the ports a dispatcher would on the real list', () => {
    // Here rather than beside chooseBorderPort: a core's tests may not import an adapter.
    const ports = [...loadBorderPorts().values()];
    const road = new GreatCircleRoadDistance();
    // Dallas → Toronto: Detroit 1446.8 mi, Port Huron 1454.0, Buffalo 1486.8.
    const dallas = { lat: 32.7767, lon: -96.797 };
    const toronto = { lat: 43.6532, lon: -79.3832, region: 'ON' as const };
    const detroit = chooseBorderPort(dallas, toronto, ports, road);
    expect(detroit.port.portName).toBe('Detroit');
    expect(detroit.milesToPort).toBeCloseTo(1199.0, 0);
    // Atlanta → Montréal: Trout River NY (1192.7 mi) edges Massena (1197.2) on great-circle miles.
    const atlanta = { lat: 33.749, lon: -84.388 };
    const montreal = { lat: 45.5017, lon: -73.5673, region: 'QC' as const };
    expect(chooseBorderPort(atlanta, montreal, ports, road).port.portCode).toBe('0715');
    // Seattle → Vancouver: great-circle miles favour Point Roberts (146.1 mi), an exclave a truck
    // reaches only through Canada; a floor of 100k trucks a year gives Blaine (148.6 mi).
    const seattle = { lat: 47.6062, lon: -122.3321 };
    const vancouver = { lat: 49.2827, lon: -123.1207, region: 'BC' as const };
    expect(chooseBorderPort(seattle, vancouver, ports, road).port.portName).toBe('Point Roberts');
    expect(
      chooseBorderPort(seattle, vancouver, ports, road, { minTrucksInbound2018: 100_000 }).port.portName,
    ).toBe('Blaine');
  });
});
