/**
 * The layering rule (DESIGN.md §4): dependencies point inward, adapters → app → cores → domain.
 * Paths are matched unanchored on "src/…" so the same rules judge the fixture tree in
 * test/fixtures/layering (see test/layering.test.ts), which proves a violation fails the check.
 */
const CORES = '(zones|intent|outreach|optimize|collab|compliance|metrics|ingest|sim)';
const ADAPTERS = '(db|http|cli|files|threads)';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing',
      comment: 'src/domain is the centre: it may import only itself (and no node builtins or packages).',
      severity: 'error',
      from: { path: 'src/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['src/domain/'] },
    },
    {
      name: 'cores-stay-pure',
      comment: 'Cores import only src/domain and each other: never app, adapters, config or main.',
      severity: 'error',
      from: { path: `src/${CORES}/` },
      to: { path: [`src/(app|${ADAPTERS.slice(1, -1)})/`, 'src/(config|main)\\.ts$'] },
    },
    {
      name: 'cores-no-io',
      comment:
        'Cores do no I/O: no file system, network, process or database packages (tests and their support files may read fixtures).',
      severity: 'error',
      from: { path: `src/${CORES}/`, pathNot: '\\.test(-support)?\\.ts$' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev'],
        path: [
          '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|os|process)$',
          'node_modules/(pg|pg-copy-streams|@electric-sql|kysely|hono|commander|cli-progress)/',
        ],
      },
    },
    {
      name: 'app-uses-ports',
      comment: 'Use cases talk to the outside through ports (src/app/ports.ts), never to adapters.',
      severity: 'error',
      from: { path: 'src/app/' },
      to: { path: [`src/${ADAPTERS}/`, 'src/(config|main)\\.ts$'] },
    },
    {
      name: 'adapters-do-not-cross',
      comment: 'HTTP and CLI drive use cases; they do not reach into the store directly.',
      severity: 'error',
      from: { path: 'src/(http|cli)/' },
      to: { path: 'src/db/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
