import type { Equipment } from './equipment.ts';
import type { CompanyId, SearcherId, SignalId } from './ids.ts';
import type { ResolvedPlace } from './place.ts';
import type { Region } from './regions.ts';

/** One observed search by a shipper for capacity (one row, one source id). */
export interface IntentSignal {
  readonly signalId: SignalId;
  readonly observedAt: Date;
  readonly companyId: CompanyId;
  readonly searcherId: SearcherId | null;
  readonly source: string | null;
  /** Null when the file gives only the origin state (no city, ZIP or coordinates). */
  readonly origin: ResolvedPlace | null;
  readonly originRegion: Region;
  readonly originZip: string | null;
  readonly destCity: string | null;
  readonly destRegion: Region;
  readonly equipment: Equipment;
  readonly industry: string | null;
}
