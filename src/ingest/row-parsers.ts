/**
 * The row parser for each import kind, typed so `ROW_PARSERS[kind]` yields that kind's record.
 * Callers that are generic over the kind (the import use case) dispatch through this table.
 */
import type { Delivery } from '../domain/delivery.ts';
import type { Lane } from '../domain/lane.ts';
import type { Load } from '../domain/load.ts';
import type { Rep } from '../domain/rep.ts';
import type { Truck } from '../domain/truck.ts';
import type { ImportKind } from './import-kinds.ts';
import { parseDeliveryRow } from './parse-delivery-row.ts';
import { parseFleetRow } from './parse-fleet-row.ts';
import { parseLaneRow } from './parse-lane-row.ts';
import { parseLoadRow } from './parse-load-row.ts';
import { parseRepRow } from './parse-rep-row.ts';
import { parseSignalRow, type SignalRecord } from './parse-signal-row.ts';
import type { RowParser } from './row-parser.ts';

/** The record each kind's rows become (matches ImportedRecords in src/app/ports.ts). */
export interface ImportRecordByKind {
  fleet: Truck;
  deliveries: Delivery;
  signals: SignalRecord;
  loads: Load;
  reps: Rep;
  lanes: Lane;
}

export const ROW_PARSERS: { readonly [K in ImportKind]: RowParser<ImportRecordByKind[K]> } = {
  fleet: parseFleetRow,
  deliveries: parseDeliveryRow,
  signals: parseSignalRow,
  loads: parseLoadRow,
  reps: parseRepRow,
  lanes: parseLaneRow,
};
