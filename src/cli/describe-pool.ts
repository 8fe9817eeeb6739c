/**
 * Text for `northbound pool plan` and `pool lanes`: the broker's whole plan or a partner's view of it.
 * Works only from what the view holds — a partner's view has no other partner's data to print.
 */
import type { PoolLaneLine } from '../app/list-pool-lanes.ts';
import type { CollaborationOpportunity } from '../collab/collaboration-opportunities.ts';
import type { PartnerShare } from '../app/plan-pool.ts';
import type { PoolAggregates, PoolPlanView } from '../app/view-pool-plan.ts';
import { formatTable, percent } from './format-table.ts';

const usd = (v: number) => `$${(Math.round(v) || 0).toLocaleString('en-US')}`;
const miles = (v: number) => Math.round(v).toLocaleString('en-US');
const loads = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function shareRow(share: PartnerShare): string[] {
  const interval = share.interval === null ? '' : ` (${usd(share.interval.low)}–${usd(share.interval.high)})`;
  return [
    share.name === null ? share.partnerId : `${share.partnerId} ${share.name}`,
    String(share.lanes),
    loads(share.loadsPerWeek),
    usd(share.standaloneCost),
    `${usd(share.allocatedCost)}${interval}`,
    usd(share.savings),
    percent(share.savingsShare),
  ];
}

const SHARE_COLUMNS = [
  { header: 'partner' },
  { header: 'lanes', align: 'right' as const },
  { header: 'loads/wk', align: 'right' as const },
  { header: 'alone/wk', align: 'right' as const },
  { header: 'allocated/wk', align: 'right' as const },
  { header: 'saves/wk', align: 'right' as const },
  { header: 'saves', align: 'right' as const },
];

function describeAggregates(pool: PoolAggregates): string[] {
  const core =
    pool.allocationInCore === null
      ? 'core not checked (too many partners to enumerate)'
      : pool.allocationInCore
        ? 'in the core: no group of partners would do better alone'
        : 'NOT in the core: some group of partners would do better alone';
  return [
    `Pool: ${pool.partners} partners, ${pool.lanes} lanes, ${loads(pool.loadsPerWeek)} loads/week`,
    `Cost per week: ${usd(pool.standaloneTotal)} alone → ${usd(pool.pooledCost)} pooled, saving ${usd(pool.savings)} (${percent(pool.savingsShare)})`,
    `Empty miles per week: ${miles(pool.standaloneEmptyMilesPerWeek)} alone → ${miles(pool.emptyMilesPerWeek)} pooled (loaded ${miles(pool.loadedMilesPerWeek)})`,
    `Allocation ${core}`,
  ];
}

function describeTimeLimit(
  limit: {
    maxCycleDays: number;
    heuristicCost: number;
    lowerBound: number;
    gap: number;
    gapShare: number;
    cycles: number;
  },
  infeasible: readonly { laneId: string; outAndBackDays: number }[],
): string[] {
  return [
    `Truck cycles of at most ${limit.maxCycleDays} days (heuristic): ${usd(limit.heuristicCost)}/week, ` +
      `lower bound ${usd(limit.lowerBound)} (the unconstrained optimum), gap ${usd(limit.gap)} (${(limit.gapShare * 100).toFixed(1)}%), ${limit.cycles} cycles`,
    ...infeasible.map(
      (lane) =>
        `  lane ${lane.laneId} fits no cycle: out and back takes ${lane.outAndBackDays.toFixed(1)} days`,
    ),
  ];
}

export function describePoolPlan(view: PoolPlanView): string {
  const head = `Pool plan — allocation by ${view.method} (${view.how}), at $${view.costPerMile.toFixed(2)}/mi`;
  if (view.role === 'partner') {
    return [
      head,
      ...describeAggregates(view.pool),
      '',
      ...(view.timeLimited === null
        ? []
        : describeTimeLimit(view.timeLimited, view.timeLimited.ownInfeasibleLanes)),
      '',
      `Your share (${view.partner.partnerId}):`,
      formatTable(SHARE_COLUMNS, [shareRow(view.partner)]),
      '',
      `Your lanes:`,
      formatTable(
        [
          { header: 'lane' },
          { header: 'from' },
          { header: 'to' },
          { header: 'equipment' },
          { header: 'loads/wk', align: 'right' },
        ],
        view.lanes.map((lane) => [
          lane.laneId,
          `${lane.origin.city}, ${lane.origin.region}`,
          `${lane.dest.city}, ${lane.dest.region}`,
          lane.equipment,
          loads(lane.loadsPerWeek),
        ]),
      ),
    ].join('\n');
  }
  const violations = view.coreViolations ?? [];
  const limit = view.timeLimited;
  return [
    head,
    ...describeAggregates(view.pool),
    ...(limit === null
      ? []
      : [
          ...describeTimeLimit(
            { ...limit, heuristicCost: limit.totalCost, cycles: limit.cycles.length },
            limit.infeasibleLanes,
          ),
          ...[...limit.cycles]
            .sort((a, b) => b.days - a.days)
            .slice(0, 8)
            .map(
              (cycle) =>
                `  ${loads(Math.round(cycle.trucksPerWeek * 10) / 10)} trucks/wk, ${cycle.days.toFixed(1)} d, ${cycle.equipment}: ` +
                [
                  cycle.legs[0]?.from ?? '',
                  ...cycle.legs.map((leg) => `${leg.laneId === null ? '(empty) ' : ''}${leg.to}`),
                ].join(' → '),
            ),
        ]),
    '',
    formatTable(SHARE_COLUMNS, view.partners.map(shareRow)),
    '',
    view.emptyMoves.length === 0
      ? 'No empty repositioning: the pooled lanes balance.'
      : `Empty moves per week (largest first):\n${formatTable(
          [
            { header: 'equipment' },
            { header: 'from' },
            { header: 'to' },
            { header: 'trucks/wk', align: 'right' },
            { header: 'miles each', align: 'right' },
          ],
          view.emptyMoves
            .slice(0, 15)
            .map((move) => [
              move.equipment,
              move.from,
              move.to,
              loads(Math.round(move.trucksPerWeek * 10) / 10),
              miles(move.miles),
            ]),
        )}`,
    ...violations
      .slice(0, 10)
      .map(
        (v) =>
          `  core violation: {${v.members.join(', ')}} pays ${usd(v.allocatedCost)} but alone would pay ${usd(v.standaloneCost)} (${usd(v.excess)} better off)`,
      ),
  ].join('\n');
}

export function describePoolLanes(lines: readonly PoolLaneLine[]): string {
  if (lines.length === 0) return 'No lanes to show.';
  return [
    'Lanes with their backhaul rate floor: the marginal cost of one more load per week with the pooled fleet',
    formatTable(
      [
        { header: 'lane' },
        { header: 'partner' },
        { header: 'from' },
        { header: 'to' },
        { header: 'equipment' },
        { header: 'loads/wk', align: 'right' },
        { header: 'miles', align: 'right' },
        { header: 'full cost', align: 'right' },
        { header: 'floor', align: 'right' },
        { header: 'floor $/mi', align: 'right' },
        { header: 'of spot', align: 'right' },
        { header: 'rate/load', align: 'right' },
      ],
      lines.map(({ lane, floor }) => [
        lane.laneId,
        lane.partnerId,
        floor.origin,
        floor.dest,
        lane.equipment,
        loads(lane.loadsPerWeek),
        miles(floor.miles),
        usd(floor.tripCost),
        usd(floor.floor),
        floor.floorPerMile.toFixed(2),
        percent(floor.shareOfSpot),
        lane.ratePerLoad === null ? '—' : `${usd(lane.ratePerLoad)}${lane.currency === 'CAD' ? ' CAD' : ''}`,
      ]),
    ),
    `Market reference: ${[...new Set(lines.map((l) => `${l.lane.equipment} spot $${l.floor.market.spotPerMile.toFixed(2)}/mi, contract $${l.floor.market.contractPerMile.toFixed(2)}/mi`))].join('; ')}`,
  ].join('\n');
}

export function describePoolOpportunities(opportunities: readonly CollaborationOpportunity[]): string {
  if (opportunities.length === 0) return 'No pair or triangle of partners would save by pooling.';
  return [
    'Collaboration opportunities (weekly savings if these partners pooled their lanes):',
    formatTable(
      [
        { header: 'partners' },
        { header: 'alone/wk', align: 'right' },
        { header: 'pooled/wk', align: 'right' },
        { header: 'saves/wk', align: 'right' },
        { header: 'saves', align: 'right' },
        { header: 'complementary imbalances (trucks/wk: + surplus, − short)' },
      ],
      opportunities.map((o) => [
        o.partners.join(' + '),
        usd(o.standaloneCost),
        usd(o.pooledCost),
        usd(o.savings),
        percent(o.savingsShare),
        o.complementaryImbalances
          .slice(0, 4)
          .map(
            (i) =>
              `${i.partnerId} ${i.trucksPerWeek > 0 ? '+' : ''}${loads(i.trucksPerWeek)} ${i.equipment} at ${i.place}`,
          )
          .join('; '),
      ]),
    ),
  ].join('\n');
}
