/** `northbound status`: what the store holds for the tenant, and the latest imports. */
import { Command } from 'commander';
import { summarizeTenant } from '../app/summarize-tenant.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { describeSummary } from './describe-summary.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

export const statusCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('status'))
    .description('show what the store holds for the tenant')
    .action(async (options: CommonOptions) => {
      try {
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const tenantId = tenantOf(services, options);
          const summary = await summarizeTenant(store, services.gazetteer(), tenantId);
          emit(options, { engine: store.engine, location: store.location, ...summary }, () => {
            const runs = summary.recentImports.map(
              (r) =>
                `  #${r.runId} ${r.finishedAt.toISOString().slice(0, 16)} ${r.kind.padEnd(10)} ${r.fileName}: ` +
                `${r.rowsNew} new, ${r.rowsUnchanged} unchanged, ${r.rowsUpdated} updated, ${r.rowsRejected} rejected`,
            );
            return [
              `Store: ${store.engine} at ${store.location}`,
              describeSummary(summary),
              ...(runs.length > 0 ? ['', 'Recent imports', ...runs] : []),
            ].join('\n');
          });
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
