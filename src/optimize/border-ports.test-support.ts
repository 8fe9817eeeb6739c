import { readFileSync } from 'node:fs';
import type { BorderPort } from '../domain/border-port.ts';

/** data/border-ports.csv, read directly: a core's tests may read files but not import the file adapters. */
export function readBorderPorts(): Map<string, BorderPort> {
  const text = readFileSync(new URL('../../data/border-ports.csv', import.meta.url), 'utf8');
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((field) => field.replace(/^"|"$/g, '')));
  const column = (row: string[], name: string): string => row[header!.indexOf(name)]!;
  return new Map(
    rows.map((row) => {
      const trucks = column(row, 'trucks_inbound_2018');
      const months = column(row, 'months_reported_2018');
      const port: BorderPort = {
        portCode: column(row, 'port_code'),
        portName: column(row, 'name'),
        crossingName: column(row, 'crossing_name'),
        state: column(row, 'state') as BorderPort['state'],
        cbpDistrict: column(row, 'cbp_district'),
        lat: Number(column(row, 'lat')),
        lon: Number(column(row, 'lon')),
        trucksInbound2018: trucks === '' ? null : Number(trucks),
        monthsReported2018: months === '' ? null : Number(months),
        handlesTrucks: Number(trucks) > 0,
      };
      return [port.portCode, port];
    }),
  );
}
