#!/usr/bin/env node
// Registers tsx in-process and runs the TypeScript CLI, so `npx northbound …` works in a checkout
// without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
