/** Jest runs every test under test/ with SWC; type checking is `tsc -b` in `npm test`. */
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx },
      // The tab's components use React's automatic JSX runtime, as Vite builds them.
      ...(tsx ? { transform: { react: { runtime: 'automatic' } } } : {}),
    },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Separate rules: with TSX parsing on, `<T>(x) => …` in plain .ts files would read as JSX.
  transform: { '^.+\\.ts$': swc(false), '^.+\\.tsx$': swc(true) },
  moduleNameMapper: {
    '^@bearing/core$': '<rootDir>/core/src/index.ts',
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
  },
  testTimeout: 30000,
};
