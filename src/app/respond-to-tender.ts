/**
 * Use case: `northbound tender respond LOAD_ID accept|decline` — answer a 204 with a 990
 * (DESIGN.md §3.7). The response is recorded once (a second answer is refused by the store), numbered
 * with the tenant's next interchange control number, and written back to whoever sent the tender (its
 * ISA/GS sender becomes our receiver). Accepting commits the load; declining takes it out of planning.
 * The 990 is written only after the response is stored, so a file never claims an answer we did not keep.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { TenantId } from '../domain/ids.ts';
import { writeEdi990 } from '../ingest/write-edi-990.ts';
import type { TenderRecord } from './pool-store.ts';
import type { FileAccess, Store } from './ports.ts';

export interface RespondToTenderInput {
  readonly tenantId: TenantId;
  readonly loadId: string;
  readonly action: 'accept' | 'decline';
  readonly declineReason?: string | undefined;
  /** Where to write the 990; null returns the text only. */
  readonly outPath: string | null;
}

export interface TenderAnswer {
  readonly tender: TenderRecord;
  readonly edi990: string;
  readonly writtenTo: string | null;
}

function write990(
  tender: TenderRecord,
  action: 'accept' | 'decline',
  reason: string | null,
  control: number,
  at: Date,
): string {
  return writeEdi990(
    {
      scac: tender.scac,
      shipmentId: tender.shipmentId,
      action,
      references: tender.references,
      ...(reason === null ? {} : { declineReason: reason }),
    },
    {
      senderQualifier: tender.receiver.qualifier,
      senderId: tender.receiver.id,
      senderCode: tender.receiver.code,
      receiverQualifier: tender.sender.qualifier,
      receiverId: tender.sender.id,
      receiverCode: tender.sender.code,
      interchangeControlNumber: control,
      groupControlNumber: control,
      transactionControlNumber: control,
      createdAt: at,
    },
  );
}

export async function respondToTender(
  deps: { readonly store: Store; readonly files: FileAccess; readonly now: () => Date },
  input: RespondToTenderInput,
): Promise<TenderAnswer> {
  const { store } = deps;
  const reason = input.declineReason?.trim() || null;
  if (input.action === 'accept' && reason !== null) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot accept the tender for load ${input.loadId} with a decline reason ("${reason}"): a reason goes with decline`,
      { loadId: input.loadId },
    );
  }
  const known = await store.pool.tender(input.tenantId, input.loadId);
  if (known === null) {
    throw new NorthboundError(
      'not_found',
      `Cannot ${input.action} the tender for load ${input.loadId}: no such tender (northbound tender import FILE.edi)`,
      {
        loadId: input.loadId,
      },
    );
  }
  // Written once before storing, as a check: a reason too long for X12 or an id the envelope cannot
  // carry fails here, before an answer is recorded that no 990 could carry.
  write990(known, input.action, reason, 1, deps.now());
  const tender = await store.pool.respondToTender(input.tenantId, {
    loadId: input.loadId,
    response: input.action,
    declineReason: reason,
    respondedAt: deps.now(),
  });
  if (tender.responseControlNumber === null || tender.respondedAt === null) {
    throw new NorthboundError(
      'internal',
      `The response to load ${input.loadId} was stored without its number`,
      {},
    );
  }
  const edi990 = write990(tender, input.action, reason, tender.responseControlNumber, tender.respondedAt);
  if (input.outPath !== null) {
    const sink = await deps.files.writeText(input.outPath);
    await sink.write(edi990);
    await sink.close();
  }
  return { tender, edi990, writtenTo: input.outPath };
}
