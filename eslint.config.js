// ESLint flat config. The layer rules of STYLE.md live here and run in `npm test`.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const IO_MODULES = [
  'fs',
  'fs/*',
  'http',
  'https',
  'net',
  'child_process',
  'os',
  'path',
  'crypto',
  'stream',
  'worker_threads',
  'node:*',
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  '@azure/*',
  'express',
  'react',
  'react-*',
  '@fluentui/*',
  '@microsoft/teams-js',
  'jose',
  '@vercel/*',
];

const BOTBUILDER = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'Only bot/src/teams/ may import botbuilder.',
};
// Shipped code never reaches into tests, benchmarks or simulators.
const NO_TEST_CODE = {
  regex: '(^|/)(test|bench|simulators)(/|$)',
  message: 'bot/src may not import test/, bench/ or simulators/.',
};
const INDEX_MESSAGE =
  "Import another feature through its index.ts ('../kpis', not '../kpis/kpi-readings').";
// From bot/src/features/<f>/x.ts: '../<other>/<file>' is a deep import.
const INDEX_FROM_FEATURE = { regex: '^\\.\\./[^./][^/]*/', message: INDEX_MESSAGE };
// From bot/src/features/<f>/<sub>/x.ts: '../../<other>/<file>'.
const INDEX_FROM_NESTED = { regex: '^\\.\\./\\.\\./[^./][^/]*/', message: INDEX_MESSAGE };
// From the rest of bot/src (http/, store/, …): 'features/<f>/<file>'.
const INDEX_FROM_OUTSIDE = { regex: '(^|/)features/[^/]+/', message: INDEX_MESSAGE };
const CARD_MESSAGE =
  'Card files (*-card.ts, common/cards/) only build cards: import other card files, ../common or types.';

module.exports = tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      '.data/**',
      'appPackage/build/**',
      '.deployment/**',
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // core is the pure domain: nothing with I/O, no SDKs, no frameworks.
    files: ['core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: IO_MODULES, message: 'core/ is pure: no I/O, SDK or framework imports.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'require'],
    },
  },
  // Import boundaries of bot/src. Flat config keeps only the last `no-restricted-imports` a file
  // matches, so each file group below lists every pattern that applies to it.
  {
    // Only bot/src/teams/ may use botbuilder (one folder to change when moving to the Agents SDK);
    // outside features/, a feature is imported through its index.ts.
    files: ['bot/src/**/*.ts'],
    ignores: ['bot/src/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [BOTBUILDER, NO_TEST_CODE, INDEX_FROM_OUTSIDE] },
      ],
    },
  },
  {
    // bot/src/teams/ may use botbuilder; it reaches features through their index.ts like the rest.
    files: ['bot/src/teams/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST_CODE, INDEX_FROM_OUTSIDE] }] },
  },
  {
    // A feature reaches another feature (common included) only through its index.ts.
    files: ['bot/src/features/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [BOTBUILDER, NO_TEST_CODE, INDEX_FROM_FEATURE] },
      ],
    },
  },
  {
    files: ['bot/src/features/*/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [BOTBUILDER, NO_TEST_CODE, INDEX_FROM_NESTED] },
      ],
    },
  },
  {
    // Card files build cards from what they are given: they never call use cases (types are fine).
    files: ['bot/src/features/*/*-card.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\./(?!.*-card$)', allowTypeImports: true, message: CARD_MESSAGE },
            { regex: '^\\.\\./(?!common$)', allowTypeImports: true, message: CARD_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/src/features/common/cards/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', allowTypeImports: true, message: CARD_MESSAGE }] },
      ],
    },
  },
  {
    // config.ts is the only reader of process.env.
    files: ['bot/src/**/*.ts', 'tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    ignores: ['bot/src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through bot/src/config.ts.',
        },
      ],
    },
  },
);
