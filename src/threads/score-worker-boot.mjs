// The scoring worker's entry: Node 20 runs TypeScript only through tsx's loader, which a worker
// thread does not inherit from its parent, so the worker registers it before loading its module.
import { register } from 'tsx/esm/api';

register();
await import('./score-worker.ts');
