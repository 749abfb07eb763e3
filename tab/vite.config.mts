import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves tab/dist at /tab/. The tab imports only types from @bearing/core, so the alias
// exists for type-only imports and never pulls zod into the bundle; core's pure draft lint rules
// (core/src/lint/draft.ts, no imports) are imported by path for the same reason.
export default defineConfig({
  base: '/tab/',
  plugins: [react()],
  resolve: {
    alias: { '@bearing/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The budget that matters is the SPEC's 250 KB gzipped initial JS, checked in the report.
    chunkSizeWarningLimit: 700,
    // Everything the first screen needs in one file: left to itself the bundler splits the modules
    // the lazy views share with it into a dozen small chunks, each gzipped on its own (~7 KB more).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3978' } },
});
