/**
 * Reads data/border-ports.csv (provenance in data/README.md §4) into BorderPort records keyed by port
 * code, in file order. The file ships with the repository, so a row that does not parse is a broken
 * checkout: errors name the file, the row and the value seen.
 *
 * Ports that handled no trucks in 2018 (a 0 count, or no 2018 record at all) are kept and marked
 * `handlesTrucks: false`, so a plan naming one is recognised and reported rather than called unknown.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { BorderPort } from '../domain/border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import { isValidLatLon } from '../domain/geo.ts';
import { isUsState, type UsState } from '../domain/regions.ts';
import { readShippedText } from './read-shipped-text.ts';

export interface LoadBorderPortsOptions {
  /** Folder holding border-ports.csv; defaults to the repository's data/, whatever the working directory. */
  readonly dataDir?: string;
}

export const BORDER_PORTS_FILE = 'border-ports.csv';
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

type Row = Record<string, string>;

export function loadBorderPorts(options: LoadBorderPortsOptions = {}): ReadonlyMap<string, BorderPort> {
  const path = join(options.dataDir ?? DEFAULT_DATA_DIR, BORDER_PORTS_FILE);
  const text = readShippedText(path, 'The border ports ship in data/ (see data/README.md §4)');
  let rows: Row[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  } catch (error) {
    throw new NorthboundError(
      'internal',
      `Cannot load ${path}: ${(error as Error).message}`,
      { path },
      { cause: error },
    );
  }
  const ports = new Map<string, BorderPort>();
  rows.forEach((fields, i) => {
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    const port = readPort(new PortRow(path, i + 2, fields));
    if (ports.has(port.portCode)) {
      throw new PortRow(path, i + 2, fields).fail(`port_code "${port.portCode}" appears twice`);
    }
    ports.set(port.portCode, port);
  });
  return ports;
}

function readPort(row: PortRow): BorderPort {
  const portCode = row.text('port_code');
  if (!/^\d{4}$/.test(portCode)) throw row.fail(`port_code "${portCode}" is not 4 digits`);
  const lat = row.number('lat');
  const lon = row.number('lon');
  if (!isValidLatLon(lat, lon)) throw row.fail(`lat/lon "${lat},${lon}" is not a point on the earth`);
  const trucksInbound2018 = row.count('trucks_inbound_2018');
  const monthsReported2018 = row.count('months_reported_2018');
  if (monthsReported2018 !== null && monthsReported2018 > 12) {
    throw row.fail(`months_reported_2018 "${monthsReported2018}" is more than 12`);
  }
  return {
    portCode,
    portName: row.text('name'),
    crossingName: row.text('crossing_name'),
    state: row.usState('state'),
    cbpDistrict: row.text('cbp_district'),
    lat,
    lon,
    trucksInbound2018,
    monthsReported2018,
    handlesTrucks: trucksInbound2018 !== null && trucksInbound2018 > 0,
  };
}

class PortRow {
  constructor(
    private readonly path: string,
    private readonly row: number,
    private readonly fields: Row,
  ) {}

  fail(problem: string): NorthboundError {
    return new NorthboundError('internal', `Cannot load ${this.path} row ${this.row}: ${problem}`, {
      path: this.path,
      row: this.row,
    });
  }

  text(column: string): string {
    const value = this.fields[column];
    if (value === undefined) throw this.fail(`column "${column}" is missing`);
    return value;
  }

  number(column: string): number {
    const text = this.text(column);
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw this.fail(`${column} "${text}" is not a number`);
    return value;
  }

  /** A whole count ≥ 0, or null when blank (the port is absent from the 2018 file). */
  count(column: string): number | null {
    const text = this.text(column);
    if (text === '') return null;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw this.fail(`${column} "${text}" is not a count ≥ 0`);
    return value;
  }

  usState(column: string): UsState {
    const value = this.text(column);
    if (!isUsState(value)) throw this.fail(`${column} "${value}" is not a US state code`);
    return value;
  }
}
