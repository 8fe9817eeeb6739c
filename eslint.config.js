import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'out/**',
      '.northbound/**',
      'test/fixtures/**',
      'web/dist/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Cores are pure: no I/O, no clock, no environment. Time and data are passed in.
    files: [
      'src/domain/**/*.ts',
      'src/zones/**/*.ts',
      'src/intent/**/*.ts',
      'src/outreach/**/*.ts',
      'src/optimize/**/*.ts',
      'src/collab/**/*.ts',
      'src/compliance/**/*.ts',
      'src/metrics/**/*.ts',
      'src/ingest/**/*.ts',
      'src/sim/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Cores read no environment; pass config in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Cores take the time as an argument.' },
        { object: 'Math', property: 'random', message: 'Use the seeded generator so runs repeat.' },
      ],
    },
  },
);
