/**
 * Where a planned leg disagrees with its load record. The validator judges the load record, so a leg
 * that copied a field wrongly is reported here rather than silently checked against the wrong value.
 */
import { greatCircleMiles } from '../domain/geo.ts';
import type { PlannedLeg } from '../domain/backhaul-plan.ts';
import type { Load } from '../domain/load.ts';

/** A leg end farther than this from the load's (great-circle miles) has been moved. */
const MOVED_MILES = 0.1;

/** One phrase per differing field, e.g. "equipment reefer, the load's is dry_van"; empty when they agree. */
export function legDifferences(leg: PlannedLeg, load: Load): string[] {
  const differences: string[] = [];
  for (const end of ['origin', 'dest'] as const) {
    if (leg[end].region !== load[end].region) {
      differences.push(`${end} region ${leg[end].region}, the load's is ${load[end].region}`);
    }
    const off = greatCircleMiles(leg[end], load[end]);
    if (off > MOVED_MILES) differences.push(`${end} is ${off.toFixed(1)} mi from the load's`);
  }
  if (leg.equipment !== load.equipment) {
    differences.push(`equipment ${leg.equipment}, the load's is ${load.equipment}`);
  }
  const legRequirements = normalised(leg.requirements);
  const loadRequirements = normalised(load.requirements);
  if (legRequirements !== loadRequirements) {
    differences.push(`requirements [${legRequirements}], the load's are [${loadRequirements}]`);
  }
  if (leg.preArranged !== load.preArranged) {
    differences.push(`pre-arranged ${leg.preArranged}, the load's is ${load.preArranged}`);
  }
  return differences;
}

const normalised = (requirements: readonly string[]): string =>
  [...new Set(requirements.map((r) => r.toLowerCase()))].sort().join(', ');
