import { defineConfig } from 'vite';

// The tab benchmark's floor page (see main.tsx), built as the tab is (same base and target); the
// bundler's own JSX transform (automatic runtime) stands in for the tab's React plugin.
export default defineConfig({
  base: '/tab/',
  build: { emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 700 },
  logLevel: 'warn',
});
