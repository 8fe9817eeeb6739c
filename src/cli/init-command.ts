/** `northbound init`: create (or upgrade) the store and the tenant. Safe to run again. */
import { Command } from 'commander';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

export const initCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('init'))
    .description('create or upgrade the database and the tenant')
    .action(async (options: CommonOptions) => {
      try {
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const tenantId = tenantOf(services, options);
          await store.ensureTenant(tenantId);
          const result = { engine: store.engine, location: store.location, tenant: tenantId };
          emit(
            options,
            result,
            () => `Store ready: ${store.engine} at ${store.location} (tenant "${tenantId}")`,
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
