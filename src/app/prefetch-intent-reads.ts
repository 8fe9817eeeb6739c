/**
 * Reads a span of signals and arrivals once, then serves every weekly run inside it from memory — the
 * demo's 13 simulated Mondays would otherwise re-read the same rows 13 times.
 *
 * signalColumns returns the whole prefetched span, wider than asked: the scoring and surge cores judge
 * each row by its own time against asOf, so rows outside the window are skipped there. The one
 * difference from an exact read: a duplicate just before a window's start can absorb a row just inside
 * it (the 10-minute duplicate rule), which the store path, not seeing the earlier row, would count.
 * Arrivals are filtered exactly.
 */
import type { TenantId } from '../domain/ids.ts';
import type { IntentReads } from './ports.ts';

export async function prefetchIntentReads(
  store: IntentReads,
  tenantId: TenantId,
  span: {
    /** The first signal any run needs: the earliest as-of minus the scoring lookback. */
    readonly signalsFrom: Date;
    /** The first arrival any run needs: the earliest as-of minus twice the zone lookback. */
    readonly arrivalsFrom: Date;
    readonly to: Date;
  },
): Promise<IntentReads> {
  const { to } = span;
  const columns = await store.signalColumns(tenantId, span.signalsFrom, to);
  const { arrivals, withoutEquipment } = await store.landingArrivals(tenantId, span.arrivalsFrom, to);
  const homes = await store.fleetHomes(tenantId);
  const covers = (t: TenantId, a: Date, b: Date, what: 'signals' | 'arrivals') => {
    const from = what === 'signals' ? span.signalsFrom : span.arrivalsFrom;
    if (t !== tenantId || a < from || b > to) {
      throw new Error(
        `prefetched ${what} cover ${from.toISOString()}–${to.toISOString()} for ${tenantId}; asked ${a.toISOString()}–${b.toISOString()} for ${t}`,
      );
    }
  };
  return {
    async signalColumns(t, a, b) {
      covers(t, a, b, 'signals');
      return columns;
    },
    async landingArrivals(t, a, b) {
      covers(t, a, b, 'arrivals');
      const lo = a.getTime();
      const hi = b.getTime();
      return {
        arrivals: arrivals.filter((x) => x.deliveredAtMs >= lo && x.deliveredAtMs < hi),
        withoutEquipment,
      };
    },
    async fleetHomes() {
      return homes;
    },
  };
}
