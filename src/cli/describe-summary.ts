/** The human wording of a tenant summary. */
import type { TenantSummary } from '../app/summarize-tenant.ts';

const n = (value: number) => value.toLocaleString('en-US');
const day = (date: Date | null) => (date === null ? '—' : date.toISOString().slice(0, 10));

export function describeSummary(summary: TenantSummary): string {
  const { counts } = summary;
  const fleet = summary.fleetByEquipment.map((e) => `${n(e.trucks)} ${e.equipment}`).join(', ');
  const lines = [
    `Tenant "${summary.tenant}"`,
    `  trucks       ${n(counts.trucks)}${fleet ? ` (${fleet})` : ''}`,
    `  deliveries   ${n(counts.deliveries)}${
      summary.deliveriesWithoutTruck > 0
        ? ` (${n(summary.deliveriesWithoutTruck)} by trucks not in the fleet)`
        : ''
    }`,
    `  signals      ${n(counts.signals)} (${day(summary.signalsFrom)} to ${day(summary.signalsTo)})`,
    `  companies    ${n(counts.companies)}`,
    `  loads        ${n(counts.loads)}`,
    `  reps         ${n(counts.reps)}`,
  ];
  if (summary.topDestinations.length > 0) {
    lines.push('', 'Top destination markets (southbound deliveries)');
    lines.push(
      `  ${'market'.padEnd(28)} ${'deliveries'.padStart(10)} ${'trucks'.padStart(7)} ${'weeks'.padStart(6)}`,
    );
    for (const d of summary.topDestinations) {
      const name = d.isMarket ? d.market : `${d.market} (no market within radius)`;
      lines.push(
        `  ${name.padEnd(28)} ${n(d.deliveries).padStart(10)} ${n(d.trucks).padStart(7)} ${n(d.weeks).padStart(6)}`,
      );
    }
  }
  return lines.join('\n');
}
