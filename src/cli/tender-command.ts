/**
 * `northbound tender …`: the broker's EDI (DESIGN.md §3.7).
 *   import FILE.edi                        204 load tenders → loads (and the tenders kept for answering)
 *   list                                   tenders received, answered or not
 *   respond LOAD_ID accept|decline         990 to whoever sent the tender (--out FILE, else stdout)
 */
import { Argument, Command, Option } from 'commander';
import { importTenders } from '../app/import-tenders.ts';
import { respondToTender } from '../app/respond-to-tender.ts';
import type { TenderRecord } from '../app/pool-store.ts';
import { tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { withStore } from './with-store.ts';
import { formatTable } from './format-table.ts';
import { emit } from './output.ts';
import type { CliServices } from './services.ts';

const when = (d: Date | null) => (d === null ? '—' : d.toISOString().slice(0, 16).replace('T', ' '));

const importSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('import'))
    .description('read an EDI X12 204 interchange: each load tender becomes an open load')
    .argument('<file>', 'the .edi file')
    .addOption(new Option('--currency <code>', 'currency of the tenders’ L3 charges').choices(['USD', 'CAD']))
    .action((file: string, options: CommonOptions & { currency?: 'USD' | 'CAD' }) =>
      withStore(services, options, async (store) => {
        const tenantId = tenantOf(services, options);
        await store.ensureTenant(tenantId);
        const report = await importTenders(
          { store, files: services.files, gazetteer: services.gazetteer(), now: services.now },
          { tenantId, path: file, currency: options.currency },
        );
        emit(options, report, () =>
          [
            `${report.file}: ${report.tenders} tenders, ${report.loadIds.length} loads stored (${report.loadIds.join(', ') || 'none'})`,
            ...(report.alreadyAnswered.length === 0
              ? []
              : [`already answered, left as they were: ${report.alreadyAnswered.join(', ')}`]),
            ...(report.cancelled.length === 0
              ? []
              : [`cancelled by the shipper, out of planning: ${report.cancelled.join(', ')}`]),
            ...(report.cancelledAfterAcceptance.length === 0
              ? []
              : [
                  `WARNING: cancelled after we accepted — release the truck: ${report.cancelledAfterAcceptance.join(', ')}`,
                ]),
            ...(report.alreadyCancelled.length === 0
              ? []
              : [`already cancelled, unchanged: ${report.alreadyCancelled.join(', ')}`]),
            ...(report.unknownCancellations.length === 0
              ? []
              : [
                  `cancellations of tenders never received, ignored: ${report.unknownCancellations.join(', ')}`,
                ]),
          ].join('\n'),
        );
      }),
    );

/** open, accept, decline (reason) — and "cancelled" after either when the shipper withdrew it. */
function answerOf(t: TenderRecord): string {
  const answer =
    t.response === null ? 'open' : `${t.response}${t.declineReason === null ? '' : ` (${t.declineReason})`}`;
  if (t.cancelledAt === null) return answer;
  return t.response === null
    ? `cancelled ${when(t.cancelledAt)}`
    : `${answer}, cancelled ${when(t.cancelledAt)}`;
}

const listSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('list'))
    .description('tenders received and how they were answered')
    .action((options: CommonOptions) =>
      withStore(services, options, async (store) => {
        const tenders = await store.pool.tenders(tenantOf(services, options));
        emit(options, tenders, () =>
          tenders.length === 0
            ? 'No tenders received.'
            : formatTable(
                [
                  { header: 'load' },
                  { header: 'from' },
                  { header: 'received (UTC)' },
                  { header: 'answer' },
                  { header: 'answered (UTC)' },
                  { header: '990 #', align: 'right' },
                ],
                tenders.map((t) => [
                  t.loadId,
                  t.sender.id,
                  when(t.receivedAt),
                  answerOf(t),
                  when(t.respondedAt),
                  t.responseControlNumber === null ? '—' : String(t.responseControlNumber),
                ]),
              ),
        );
      }),
    );

interface RespondOptions extends CommonOptions {
  readonly reason?: string;
  readonly out?: string;
}

const respondSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('respond'))
    .description('accept or decline a tender: records the answer and writes the EDI 990')
    .argument('<load-id>', 'the tendered load (its shipment id)')
    .addArgument(new Argument('<answer>', 'the answer').choices(['accept', 'decline']))
    .option('--reason <text>', 'why, on a decline (≤ 30 characters, X12 K1)')
    .option('--out <file>', 'write the 990 here instead of printing it')
    .action((loadId: string, answer: 'accept' | 'decline', options: RespondOptions) =>
      withStore(services, options, async (store) => {
        const result = await respondToTender(
          { store, files: services.files, now: services.now },
          {
            tenantId: tenantOf(services, options),
            loadId,
            action: answer,
            declineReason: options.reason,
            outPath: options.out ?? null,
          },
        );
        emit(options, result, () =>
          result.writtenTo === null
            ? result.edi990.trimEnd()
            : `${answer === 'accept' ? 'Accepted' : 'Declined'} ${loadId}: 990 #${result.tender.responseControlNumber} written to ${result.writtenTo}`,
        );
      }),
    );

export const tenderCommand = (services: CliServices): Command =>
  new Command('tender')
    .description('EDI load tenders: 204 in, 990 accept/decline out')
    .addCommand(importSubcommand(services))
    .addCommand(listSubcommand(services))
    .addCommand(respondSubcommand(services));
