/** Opens the store a command names (--db), runs `work`, always closes it; errors print the command's way. */
import type { Store } from '../app/ports.ts';
import { dataDirOf, type CommonOptions } from './common-options.ts';
import { fail } from './output.ts';
import type { CliServices } from './services.ts';

export async function withStore(
  services: CliServices,
  options: CommonOptions,
  work: (store: Store) => Promise<void>,
): Promise<void> {
  try {
    const store = await services.openStore(dataDirOf(services, options));
    try {
      await work(store);
    } finally {
      await store.close();
    }
  } catch (error) {
    fail(options, error);
  }
}
