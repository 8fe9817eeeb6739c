/**
 * The store port of collaborative pools and the broker's EDI (DESIGN.md §3.7): partners' lanes and the
 * 204 tenders received with their 990 responses. Implemented in src/db/sql-pool-store.ts; reached as
 * `store.pool`.
 *
 * Privacy is enforced here as well as in the use cases: `lanes` with a partner viewer returns only that
 * partner's rows (the SQL filters them), so a partner view cannot be built from anyone else's lanes by
 * mistake. Pool computations (covering, coalition costs, allocations) need every lane: they read with
 * the broker's view, the neutral trustee, and the use cases project the results before returning them.
 */
import type { PartnerId, TenantId } from '../domain/ids.ts';
import type { Lane } from '../domain/lane.ts';

/** Who is looking: the broker (sees all) or one partner (sees its own lanes and pool aggregates). */
export type PoolViewer =
  { readonly role: 'broker' } | { readonly role: 'partner'; readonly partnerId: PartnerId };

export const BROKER: PoolViewer = { role: 'broker' };

export interface PoolPartner {
  readonly partnerId: PartnerId;
  readonly name: string | null;
  readonly lanes: number;
}

/** A 204 tender as received, with what the 990 must echo. */
export interface TenderRecord {
  readonly loadId: string;
  readonly shipmentId: string;
  readonly scac: string;
  readonly purpose: string;
  readonly fileName: string;
  /** ISA-05/06 and GS-02 of the 204: who sent it, so the 990 goes back to them. */
  readonly sender: { readonly qualifier: string; readonly id: string; readonly code: string };
  /** ISA-07/08 and GS-03 of the 204: us. */
  readonly receiver: { readonly qualifier: string; readonly id: string; readonly code: string };
  readonly references: readonly { readonly qualifier: string; readonly value: string }[];
  readonly receivedAt: Date;
  readonly response: 'accept' | 'decline' | null;
  readonly declineReason: string | null;
  readonly respondedAt: Date | null;
  readonly responseControlNumber: number | null;
  /** When a 204 cancellation (B2A-01 "01") withdrew the tender, and the file it came in; else null. */
  readonly cancelledAt: Date | null;
  readonly cancelFileName: string | null;
}

/** A 204 cancellation of an earlier tender, by shipment id (= the tender's load id). */
export interface TenderCancellation {
  readonly loadId: string;
  readonly fileName: string;
  readonly cancelledAt: Date;
}

export interface CancelTendersReport {
  /** Withdrawn now; their loads leave planning. */
  readonly cancelled: string[];
  /** Among `cancelled`: tenders we had accepted — a truck may be on its way. */
  readonly afterAcceptance: string[];
  /** Withdrawn before: left as they were. */
  readonly alreadyCancelled: string[];
  /** No tender with that shipment id: nothing to withdraw. */
  readonly unknown: string[];
}

export interface TenderResponseRecord {
  readonly loadId: string;
  readonly response: 'accept' | 'decline';
  readonly declineReason: string | null;
  readonly respondedAt: Date;
}

export interface PoolStore {
  /** The viewer's lanes: every lane for the broker, the partner's own for a partner; by partner, lane id. */
  lanes(tenantId: TenantId, viewer: PoolViewer): Promise<Lane[]>;
  /** Partners with lanes in the pool, as the viewer may see them (a partner sees only itself). */
  partners(tenantId: TenantId, viewer: PoolViewer): Promise<PoolPartner[]>;
  /**
   * Records received tenders. A tender already answered is left as it was (its load settled); an
   * unanswered one is replaced by the newer copy, which also lifts a cancellation (offered again).
   * Returns the load ids whose tenders were answered.
   */
  saveTenders(tenantId: TenantId, tenders: readonly TenderRecord[]): Promise<{ answered: string[] }>;
  /**
   * Withdraws tenders by 204 cancellation, in one transaction: each existing tender not yet withdrawn is
   * marked with the time and file (answered or not: an accepted load can still be cancelled by the shipper).
   */
  cancelTenders(
    tenantId: TenantId,
    cancellations: readonly TenderCancellation[],
  ): Promise<CancelTendersReport>;
  tender(tenantId: TenantId, loadId: string): Promise<TenderRecord | null>;
  tenders(tenantId: TenantId): Promise<TenderRecord[]>;
  /**
   * Records the response and numbers its 990 (the tenant's next control number), and on accept marks
   * the load committed, all in one transaction. Refused (conflict) when the tender was already answered
   * or withdrawn.
   */
  respondToTender(tenantId: TenantId, response: TenderResponseRecord): Promise<TenderRecord>;
}
