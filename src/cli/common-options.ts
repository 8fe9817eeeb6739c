/** Options every command takes: where the store is, whose data, and how to print. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { asId, type TenantId } from '../domain/ids.ts';
import type { CliServices } from './services.ts';

export interface CommonOptions {
  readonly db?: string;
  readonly tenant?: string;
  readonly json?: boolean;
}

export const withCommonOptions = (command: Command): Command =>
  command
    .option('--db <dir>', 'embedded database directory (env NORTHBOUND_DB; default ./.northbound)')
    .option('--tenant <id>', 'tenant (carrier or broker account) the data belongs to (default "default")')
    .option('--json', 'print one JSON document instead of text');

export const dataDirOf = (services: CliServices, options: CommonOptions): string =>
  options.db === undefined ? services.config.dataDir : resolve(options.db);

export const tenantOf = (services: CliServices, options: CommonOptions): TenantId =>
  asId<TenantId>(options.tenant ?? services.config.tenantId);
