/** The demo's file-system side: the shipped reference data in, the §7 world files out. */
import type { DemoWorldPort } from '../app/run-demo.ts';
import { loadReferenceData } from './load-reference-data.ts';
import { writeWorld } from './write-world.ts';

export const demoWorldFiles: DemoWorldPort = {
  referenceData: () => loadReferenceData(),
  writeWorld: (world, outDir, onProgress) => writeWorld(world, outDir, { onProgress }),
};
