import type { CompanyId } from './ids.ts';

/** A shipper company seen in intent signals. Size is "fit", shown beside intent, never inside it. */
export interface Company {
  readonly companyId: CompanyId;
  readonly name: string | null;
  readonly domain: string | null;
  readonly industry: string | null;
  readonly employees: number | null;
}
