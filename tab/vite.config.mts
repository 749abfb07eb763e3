import { fileURLToPath } from 'node:url';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { griffelCss } from './griffel-css.mts';

/**
 * The bundle report: dist/bundle-stats.json lists every chunk with what it imports and the size of
 * each module in it as rendered (before minification), from the bundler's own chunk data.
 * `npm run bench -- tab` reads it for the largest modules of the initial JavaScript.
 */
function bundleStats(): Plugin {
  return {
    name: 'bearing-bundle-stats',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) =>
        c.type === 'chunk'
          ? [
              {
                fileName: c.fileName,
                isEntry: c.isEntry,
                imports: c.imports,
                dynamicImports: c.dynamicImports,
                modules: Object.entries(c.modules)
                  .map(([id, m]) => ({ id, renderedLength: m.renderedLength }))
                  .sort((a, b) => b.renderedLength - a.renderedLength),
              },
            ]
          : [],
      );
      this.emitFile({
        type: 'asset',
        fileName: 'bundle-stats.json',
        source: JSON.stringify({ chunks }, null, 1),
      });
    },
  };
}

// The server serves tab/dist at /tab/. The tab imports only types from @bearing/core, so the alias
// exists for type-only imports and never pulls zod into the bundle; core's pure draft lint rules
// (core/src/lint/draft.ts, no imports) are imported by path for the same reason.
export default defineConfig({
  base: '/tab/',
  // The tab's own makeStyles are resolved to CSS at build time (Fluent's are shipped that way), and
  // all of it leaves the JavaScript for one stylesheet (griffel-css.mts).
  plugins: [
    react(),
    griffel({
      include: [/\/tab\/src\/.*\.tsx?$/],
      babelOptions: { presets: ['@babel/preset-typescript'] },
    }),
    griffelCss(),
    bundleStats(),
  ],
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
