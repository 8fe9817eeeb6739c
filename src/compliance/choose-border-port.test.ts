import { describe, expect, it } from 'vitest';
import type { BorderPort } from '../domain/border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { DistanceProvider, LatLon } from '../domain/geo.ts';
import { miles } from '../domain/units.ts';
import { chooseBorderPort } from './choose-border-port.ts';

/** Flat plane, 100 mi per degree: distances a reader can check by hand. */
const flat: DistanceProvider = {
  roadMiles: (a: LatLon, b: LatLon) => miles(100 * Math.hypot(a.lat - b.lat, a.lon - b.lon)),
};

function port(portCode: string, lat: number, lon: number, trucks: number | null): BorderPort {
  return {
    portCode,
    portName: `Port ${portCode}`,
    crossingName: `Port ${portCode}`,
    state: 'NY',
    cbpDistrict: 'Buffalo, NY',
    lat,
    lon,
    trucksInbound2018: trucks,
    monthsReported2018: trucks === null ? null : 12,
    handlesTrucks: trucks !== null && trucks > 0,
  };
}

const from = { lat: 0, lon: 0 };
const to = { lat: 10, lon: 0, region: 'ON' as const };

describe('chooseBorderPort', () => {
  it('minimises miles to the port plus miles on to the destination', () => {
    // A: 500 + 500 = 1000. B: 2 × 100·√(25 + 9) ≈ 1166.2, busier but longer.
    const choice = chooseBorderPort(from, to, [port('0002', 5, 3, 1000), port('0001', 5, 0, 10)], flat);
    expect(choice.port.portCode).toBe('0001');
    expect(choice.milesToPort).toBeCloseTo(500, 9);
    expect(choice.milesPortToDestination).toBeCloseTo(500, 9);
  });

  it('never routes through a port that handled no trucks', () => {
    // The 0-truck and the absent port sit on the straight line; the open one is 1° off it.
    const ports = [port('0001', 5, 0, 0), port('0003', 6, 0, null), port('0002', 5, 1, 50)];
    expect(chooseBorderPort(from, to, ports, flat).port.portCode).toBe('0002');
  });

  it('breaks ties within tieMiles by more 2018 trucks, then by the shorter route', () => {
    // 0001: 1000 mi. 0002 at (5, 0.05): 2 × 100·√25.0025 ≈ 1000.05 mi — a tie at 1 mi, busier.
    const ports = [port('0001', 5, 0, 10), port('0002', 5, 0.05, 20)];
    expect(chooseBorderPort(from, to, ports, flat).port.portCode).toBe('0002');
    expect(chooseBorderPort(from, to, ports, flat, { tieMiles: 0 }).port.portCode).toBe('0001');
    // Equal traffic and an exact tie in miles: the lower code, whatever the input order.
    const mirrored = [port('0009', 5, -1, 10), port('0004', 5, 1, 10)];
    expect(chooseBorderPort(from, to, mirrored, flat).port.portCode).toBe('0004');
    expect(chooseBorderPort(from, to, [...mirrored].reverse(), flat).port.portCode).toBe('0004');
  });

  it('can keep to ports above a traffic floor', () => {
    const ports = [port('0001', 5, 0, 10), port('0002', 5, 2, 5000)];
    expect(chooseBorderPort(from, to, ports, flat, { minTrucksInbound2018: 1000 }).port.portCode).toBe(
      '0002',
    );
  });

  it('refuses a destination outside Canada and a list with no truck port', () => {
    const us = { lat: 10, lon: 0, region: 'NY' as const };
    expect(() => chooseBorderPort(from, us, [port('0001', 5, 0, 10)], flat)).toThrow(
      /northbound crossing to NY: the destination is not in Canada/,
    );
    try {
      chooseBorderPort(from, to, [port('0001', 5, 0, 0)], flat);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NorthboundError);
      expect((error as NorthboundError).code).toBe('not_found');
      expect((error as NorthboundError).message).toBe(
        'Cannot choose a border port to ON: none of the 1 ports given handled trucks in 2018',
      );
    }
  });
});
