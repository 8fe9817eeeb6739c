/**
 * Proves the layering rule bites: the fixture tree under test/fixtures/layering/src has one file
 * per forbidden kind of import, judged by the real .dependency-cruiser.cjs. The real tree is
 * checked by `npm run layering` in the gate.
 */
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as IConfiguration;

describe('layering rule', () => {
  let violations: { from: string; to: string; rule: string }[];

  beforeAll(async () => {
    const result = await cruise(['test/fixtures/layering/src'], {
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
      tsPreCompilationDeps: true,
    });
    const output = result.output as ICruiseResult;
    violations = output.summary.violations.map((v) => ({ from: v.from, to: v.to, rule: v.rule.name }));
  });

  const ruleFor = (fromFile: string) =>
    violations.filter((v) => v.from.endsWith(fromFile)).map((v) => v.rule);

  it('fails a core that imports from src/db', () => {
    expect(ruleFor('zones/bad-core-imports-db.ts')).toContain('cores-stay-pure');
  });

  it('fails a core that does file I/O', () => {
    expect(ruleFor('zones/bad-core-does-io.ts')).toContain('cores-no-io');
  });

  it('fails the domain importing anything outside itself', () => {
    expect(ruleFor('domain/bad-domain-imports-core.ts')).toContain('domain-imports-nothing');
  });

  it('fails a use case or the CLI importing the store adapter', () => {
    expect(ruleFor('app/bad-app-imports-db.ts')).toContain('app-uses-ports');
    expect(ruleFor('cli/bad-cli-imports-db.ts')).toContain('adapters-do-not-cross');
  });

  it('passes a core that imports only the domain', () => {
    expect(ruleFor('zones/good-core.ts')).toEqual([]);
  });
});
