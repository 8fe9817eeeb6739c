/**
 * The pool store on every engine: lanes import idempotently through the common merge, a partner's read
 * returns only its own lanes (the SQL filters them), tenders are saved, answered once, numbered, and an
 * accepted tender commits its load while a declined one leaves the open loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedRecords, Store } from '../../src/app/ports.ts';
import { BROKER, type TenderRecord } from '../../src/app/pool-store.ts';
import { asId, type PartnerId, type TenantId } from '../../src/domain/ids.ts';
import { ENGINES } from '../support/store-engines.ts';
import { lane, PLACES } from '../support/records.ts';

const T1 = asId<TenantId>('broker-a');
const T2 = asId<TenantId>('broker-b');
const partner = (id: string) => ({ role: 'partner' as const, partnerId: asId<PartnerId>(id) });

/** Records staged through the store's import path as a file of that kind would be, rows from 2. */
const importAs = <K extends 'lanes' | 'loads'>(
  store: Store,
  tenantId: TenantId,
  kind: K,
  fileName: string,
  records: readonly ImportedRecords[K][],
) =>
  store.importRecords({
    tenantId,
    kind,
    fileName,
    startedAt: new Date('2026-11-20T12:00:00Z'),
    now: () => new Date('2026-11-20T12:00:01Z'),
    conflictPolicy: 'reject',
    fill: async (session) => {
      await session.stage(records.map((record, i) => ({ row: i + 2, record })));
      return { rowsRead: records.length, rowsRejected: 0, commit: true };
    },
  });

const importLanes = (store: Store, tenantId: TenantId, lanes: ImportedRecords['lanes'][]) =>
  importAs(store, tenantId, 'lanes', 'lanes.csv', lanes);

const tender = (loadId: string, overrides: Partial<TenderRecord> = {}): TenderRecord => ({
  loadId,
  shipmentId: `SH-${loadId}`,
  scac: 'NBND',
  purpose: 'original',
  fileName: 'tenders.edi',
  sender: { qualifier: 'ZZ', id: 'SHIPPERCO', code: 'SHIPPERCO' },
  receiver: { qualifier: 'ZZ', id: 'NORTHBOUND', code: 'NORTHBOUND' },
  references: [{ qualifier: 'BM', value: 'BOL-1' }],
  receivedAt: new Date('2026-11-20T13:00:00Z'),
  response: null,
  declineReason: null,
  respondedAt: null,
  responseControlNumber: null,
  cancelledAt: null,
  cancelFileName: null,
  ...overrides,
});

const tenderLoad = (loadId: string) => ({
  loadId: asId(loadId),
  shipperId: null,
  shipperName: 'ShipperCo',
  origin: { ...PLACES.chicago, marketId: null },
  dest: { ...PLACES.toronto, marketId: null },
  pickupEarliest: new Date('2026-11-23T14:00:00Z'),
  pickupLatest: new Date('2026-11-23T22:00:00Z'),
  deliveryLatest: null,
  equipment: 'dry_van' as const,
  weightLb: null,
  rate: 2900,
  currency: 'USD' as const,
  status: 'offered' as const,
  requirements: [],
  preArranged: true,
});

/** Stores the loads a tender file would have created, as the loads import does. */
const importTenderLoads = (store: Store, ids: readonly string[]) =>
  importAs(
    store,
    T1,
    'loads',
    'tenders.edi',
    ids.map((id) => tenderLoad(id) as never),
  );

describe.each(ENGINES)('pool store on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await store.ensureTenant(T1);
    await store.ensureTenant(T2);
  });
  afterAll(async () => dispose());

  it('imports lanes idempotently and reads them back as imported', async () => {
    const lanes = [
      lane('A1', 'alpha', 'toronto', 'laredo', { loadsPerWeek: 3.5 }),
      lane('B1', 'beta', 'laredo', 'toronto', { costPerLoad: null, ratePerLoad: 4100.25, currency: 'CAD' }),
      lane('B2', 'beta', 'chicago', 'detroit', { equipment: 'reefer' }),
    ];
    expect(await importLanes(store, T1, lanes)).toMatchObject({ committed: true, rowsNew: 3 });
    expect(await importLanes(store, T1, lanes)).toMatchObject({
      rowsNew: 0,
      rowsUpdated: 0,
      rowsUnchanged: 3,
    });
    expect(await store.pool.lanes(T1, BROKER)).toEqual(lanes);
    expect((await store.countRows(T1)).lanes).toBe(3);
  });

  it("gives a partner its own lanes only, and the broker everyone's", async () => {
    expect((await store.pool.lanes(T1, partner('alpha'))).map((l) => l.laneId)).toEqual(['A1']);
    expect((await store.pool.lanes(T1, partner('beta'))).map((l) => l.laneId)).toEqual(['B1', 'B2']);
    expect(await store.pool.lanes(T1, partner('nobody'))).toEqual([]);
    expect(await store.pool.partners(T1, partner('beta'))).toEqual([
      { partnerId: 'beta', name: 'Partner beta', lanes: 2 },
    ]);
    expect((await store.pool.partners(T1, BROKER)).map((p) => p.partnerId)).toEqual(['alpha', 'beta']);
    expect(await store.pool.lanes(T2, BROKER)).toEqual([]);
  });

  it('answers a tender once, numbers each 990, commits an accepted load and drops a declined one from planning', async () => {
    await importTenderLoads(store, ['TL-1', 'TL-2']);
    expect(await store.pool.saveTenders(T1, [tender('TL-1'), tender('TL-2')])).toEqual({ answered: [] });

    const at = new Date('2026-11-20T14:00:00Z');
    const accepted = await store.pool.respondToTender(T1, {
      loadId: 'TL-1',
      response: 'accept',
      declineReason: null,
      respondedAt: at,
    });
    expect(accepted).toMatchObject({ response: 'accept', respondedAt: at, responseControlNumber: 1 });
    const declined = await store.pool.respondToTender(T1, {
      loadId: 'TL-2',
      response: 'decline',
      declineReason: 'no capacity',
      respondedAt: at,
    });
    expect(declined).toMatchObject({
      response: 'decline',
      declineReason: 'no capacity',
      responseControlNumber: 2,
    });

    await expect(
      store.pool.respondToTender(T1, {
        loadId: 'TL-1',
        response: 'decline',
        declineReason: null,
        respondedAt: at,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      store.pool.respondToTender(T1, {
        loadId: 'TL-9',
        response: 'accept',
        declineReason: null,
        respondedAt: at,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const open = await store.openLoads(
      T1,
      new Date('2026-11-23T00:00:00Z'),
      new Date('2026-11-24T00:00:00Z'),
    );
    expect(open.map((l) => [l.loadId, l.status])).toEqual([['TL-1', 'committed']]);

    // A re-sent tender file leaves answered tenders as they were, and says which.
    expect(await store.pool.saveTenders(T1, [tender('TL-1', { shipmentId: 'CHANGED' })])).toEqual({
      answered: ['TL-1'],
    });
    expect((await store.pool.tender(T1, 'TL-1'))?.shipmentId).toBe('SH-TL-1');
    expect((await store.pool.tenders(T1)).map((t) => t.references)).toEqual([
      [{ qualifier: 'BM', value: 'BOL-1' }],
      [{ qualifier: 'BM', value: 'BOL-1' }],
    ]);
  });

  it('withdraws tenders by cancellation: out of planning, no answer after, accepted ones flagged, re-offer lifts it', async () => {
    await importTenderLoads(store, ['TC-1', 'TC-2', 'TC-3']);
    await store.pool.saveTenders(T1, [tender('TC-1'), tender('TC-2'), tender('TC-3')]);
    const at = new Date('2026-11-20T15:00:00Z');
    await store.pool.respondToTender(T1, {
      loadId: 'TC-2',
      response: 'accept',
      declineReason: null,
      respondedAt: at,
    });
    const cancel = (loadId: string) => ({ loadId, fileName: 'cancel.edi', cancelledAt: at });
    expect(await store.pool.cancelTenders(T1, [cancel('TC-1'), cancel('TC-2'), cancel('TC-9')])).toEqual({
      cancelled: ['TC-1', 'TC-2'],
      afterAcceptance: ['TC-2'],
      alreadyCancelled: [],
      unknown: ['TC-9'],
    });
    expect(await store.pool.cancelTenders(T1, [cancel('TC-1')])).toMatchObject({
      alreadyCancelled: ['TC-1'],
    });
    expect(await store.pool.tender(T1, 'TC-1')).toMatchObject({
      cancelledAt: at,
      cancelFileName: 'cancel.edi',
    });
    // Another tenant's tender of the same id is not touched.
    expect(await store.pool.cancelTenders(T2, [cancel('TC-3')])).toMatchObject({ unknown: ['TC-3'] });

    await expect(
      store.pool.respondToTender(T1, {
        loadId: 'TC-1',
        response: 'accept',
        declineReason: null,
        respondedAt: at,
      }),
    ).rejects.toThrow('the shipper cancelled it (cancel.edi at 2026-11-20T15:00:00.000Z)');
    const openIds = async () =>
      (await store.openLoads(T1, new Date('2026-11-23T00:00:00Z'), new Date('2026-11-24T00:00:00Z')))
        .map((l) => l.loadId)
        .filter((id) => id.startsWith('TC-'));
    expect(await openIds()).toEqual(['TC-3']);

    // Offered again while unanswered: the cancellation is lifted and the load is planned again.
    expect(await store.pool.saveTenders(T1, [tender('TC-1')])).toEqual({ answered: [] });
    expect(await store.pool.tender(T1, 'TC-1')).toMatchObject({ cancelledAt: null, cancelFileName: null });
    expect(await openIds()).toEqual(['TC-1', 'TC-3']);
  });
});
