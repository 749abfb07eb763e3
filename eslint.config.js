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
  {
    // Only bot/src/teams/ may use botbuilder (one folder to change when moving to the Agents SDK).
    files: ['bot/src/**/*.ts'],
    ignores: ['bot/src/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
              message: 'Only bot/src/teams/ may import botbuilder.',
            },
          ],
        },
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
