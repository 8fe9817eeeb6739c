import type { SignalColumns } from '../../src/intent/signal-columns.ts';

/**
 * Each company's signal rows as comparable text, sorted, companies keyed by id: two reads of the same
 * signals compare equal whatever their company order (first seen, by key) or the order of rows of one
 * instant. Shared by the store tests of the signal reads.
 */
export function rowsByCompany(columns: SignalColumns): Map<string, string[]> {
  const byCompany = new Map<string, string[]>();
  for (let c = 0; c + 1 < columns.companyStart.length; c++) {
    const rows: string[] = [];
    for (let i = columns.companyStart[c]!; i < columns.companyStart[c + 1]!; i++) {
      const place = columns.originPlace[i]!;
      rows.push(
        [
          columns.observedAtMs[i],
          columns.searcher[i]! >= 0 ? columns.searcherIds[columns.searcher[i]!] : '-',
          place >= 0
            ? `${columns.placeLat[place]},${columns.placeLon[place]} ${columns.placeLabel[place]}`
            : '-',
          columns.originMarket[i]! >= 0 ? columns.marketIds[columns.originMarket[i]!] : '-',
          columns.originRegion[i],
          columns.destRegion[i],
          columns.equipment[i],
          columns.industry[i]! >= 0 ? columns.industries[columns.industry[i]!] : '-',
        ].join('|'),
      );
    }
    byCompany.set(columns.companyIds[c]!, rows.sort());
  }
  return byCompany;
}
