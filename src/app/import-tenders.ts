/**
 * Use case: `northbound tender import FILE.edi` — a broker's EDI 204 load tenders become loads the
 * planner can match (DESIGN.md §3.7). The whole interchange is read and every tender converted before
 * anything is stored, so a malformed segment or an unplaceable stop stores nothing and the error names
 * the segment and element. Loads go in through the loads import (idempotent by load id = the tender's
 * shipment id); tenders already answered are left as they were, so re-reading a file never reopens a
 * settled load. The tender rows keep what the 990 must echo.
 *
 * A cancellation (B2A-01 "01") withdraws the shipment's tender: its load leaves planning and the tender
 * can no longer be answered; cancelling one we accepted is reported, since a truck may be on its way.
 * Within one file the last transaction per shipment wins: an original then a cancel is stored and
 * withdrawn; a cancel then an original offers it again.
 */
import type { Currency } from '../domain/units.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import { parseEdi204 } from '../ingest/parse-edi-204.ts';
import { tenderToLoad } from '../ingest/tender-to-load.ts';
import { addLoads } from './add-loads.ts';
import type { TenderRecord } from './pool-store.ts';
import type { FileAccess, Store } from './ports.ts';

export interface ImportTendersInput {
  readonly tenantId: TenantId;
  readonly path: string;
  readonly currency?: Currency | undefined;
}

export interface ImportTendersReport {
  readonly file: string;
  readonly tenders: number;
  /** Loads stored or updated now. */
  readonly loadIds: readonly string[];
  /** Tenders answered before: their loads were left as they are. */
  readonly alreadyAnswered: readonly string[];
  /** Withdrawn by this file's cancellations, and of those the ones we had accepted. */
  readonly cancelled: readonly string[];
  readonly cancelledAfterAcceptance: readonly string[];
  /** Cancellations of tenders withdrawn before, or never received: nothing changed. */
  readonly alreadyCancelled: readonly string[];
  readonly unknownCancellations: readonly string[];
}

async function readText(files: FileAccess, path: string): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let text = '';
  for await (const chunk of files.read(path)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

export async function importTenders(
  deps: {
    readonly store: Store;
    readonly files: FileAccess;
    readonly gazetteer: Gazetteer;
    readonly now: () => Date;
  },
  input: ImportTendersInput,
): Promise<ImportTendersReport> {
  const { store } = deps;
  const file = input.path.split(/[\\/]/).at(-1) ?? input.path;
  const received = parseEdi204(await readText(deps.files, input.path), file);
  // Per shipment: its last offer (stored), and whether the file's last word on it is a cancellation.
  const offered = new Map(
    received.filter((tender) => tender.purpose !== 'cancellation').map((t) => [t.shipmentId, t]),
  );
  const last = new Map(received.map((tender) => [tender.shipmentId, tender]));
  const tenders = [...offered.values()];
  const cancellations = [...last.values()].filter((tender) => tender.purpose === 'cancellation');
  const loads = tenders.map((tender) =>
    tenderToLoad(tender, {
      file,
      gazetteer: deps.gazetteer,
      ...(input.currency === undefined ? {} : { currency: input.currency }),
    }),
  );
  const loadIds = new Set(loads.map((load) => load.loadId as string));
  const answered = new Set(
    (await store.pool.tenders(input.tenantId))
      .filter((tender) => tender.response !== null && loadIds.has(tender.loadId))
      .map((tender) => tender.loadId),
  );
  const open = loads.filter((load) => !answered.has(load.loadId));
  if (open.length > 0) await addLoads(store, input.tenantId, open, file, deps.now);
  const receivedAt = deps.now();
  const records: TenderRecord[] = tenders
    .filter((tender) => !answered.has(tender.shipmentId))
    .map((tender) => ({
      loadId: tender.shipmentId,
      shipmentId: tender.shipmentId,
      scac: tender.scac,
      purpose: tender.purpose,
      fileName: file,
      sender: {
        qualifier: tender.envelope.senderQualifier,
        id: tender.envelope.senderId,
        code: tender.envelope.senderCode,
      },
      receiver: {
        qualifier: tender.envelope.receiverQualifier,
        id: tender.envelope.receiverId,
        code: tender.envelope.receiverCode,
      },
      references: tender.references,
      receivedAt,
      response: null,
      declineReason: null,
      respondedAt: null,
      responseControlNumber: null,
      cancelledAt: null,
      cancelFileName: null,
    }));
  const saved = await store.pool.saveTenders(input.tenantId, records);
  const withdrawn = await store.pool.cancelTenders(
    input.tenantId,
    cancellations.map((tender) => ({ loadId: tender.shipmentId, fileName: file, cancelledAt: receivedAt })),
  );
  return {
    file,
    tenders: received.length,
    loadIds: open.map((load) => load.loadId),
    alreadyAnswered: [...answered, ...saved.answered],
    cancelled: withdrawn.cancelled,
    cancelledAfterAcceptance: withdrawn.afterAcceptance,
    alreadyCancelled: withdrawn.alreadyCancelled,
    unknownCancellations: withdrawn.unknown,
  };
}
