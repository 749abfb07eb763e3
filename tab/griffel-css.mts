import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { defaultCompareMediaQueries, type CSSRulesByBucket } from '@griffel/core';
import type { Plugin } from 'vite';

// Griffel's own extraction transform and rule sorter (the webpack plugin's, bundler-agnostic).
const require = createRequire(import.meta.url);
const { transformSync } = require('@griffel/webpack-extraction-plugin/src/transformSync.js') as {
  transformSync(
    code: string,
    options: { filename: string; enableSourceMaps: boolean },
  ): { code: string; cssRulesByBucket?: CSSRulesByBucket; sourceMap?: object };
};
const { sortCSSRules } = require('@griffel/webpack-extraction-plugin/src/sortCSSRules.js') as {
  sortCSSRules(sets: CSSRulesByBucket[], compare: (a: string, b: string) => number): string;
};

const STYLE_CALLS = /\b__(styles|resetStyles|staticStyles)\b/;

/**
 * Moves Griffel's CSS out of the JavaScript (build only). Fluent UI ships its styles as
 * `__styles(classes, cssRules)` calls (and the Griffel plugin turns the tab's own `makeStyles` into
 * them); this rewrites each to `__css(classes)`, which only maps class names, and writes every rule
 * of the build into one stylesheet, sorted as Griffel's runtime orders its style buckets, that
 * index.html links. The rules then arrive as CSS, parsed off the main thread, instead of strings
 * the runtime inserts one by one; lazy views' rules are in it too (Griffel's extraction has no
 * per-chunk CSS), so opening a view later inserts nothing.
 */
export function griffelCss(): Plugin {
  const rulesByModule = new Map<string, CSSRulesByBucket>();
  let base = '/';
  return {
    name: 'bearing-griffel-css',
    apply: 'build',
    // After the Griffel plugin's makeStyles → __styles transform.
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      rulesByModule.clear();
    },
    transform(code, id) {
      if (id.includes('\0') || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return null;
      if (!STYLE_CALLS.test(code)) return null;
      const result = transformSync(code, {
        filename: id.split('?')[0] ?? id,
        enableSourceMaps: true,
      });
      if (!result.cssRulesByBucket) return null;
      rulesByModule.set(id, result.cssRulesByBucket);
      return { code: result.code, map: result.sourceMap ?? null };
    },
    generateBundle(_options, bundle) {
      const bundled = new Set(
        Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? Object.keys(c.modules) : [])),
      );
      const sets = [...rulesByModule].filter(([id]) => bundled.has(id)).map(([, rules]) => rules);
      const css = sortCSSRules(sets, defaultCompareMediaQueries);
      const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
      const fileName = `assets/griffel-${hash}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
      const html = bundle['index.html'];
      if (html?.type !== 'asset') throw new Error('griffel-css: the build has no index.html');
      html.source = String(html.source).replace(
        '</head>',
        `  <link rel="stylesheet" crossorigin href="${base}${fileName}">\n  </head>`,
      );
    },
  };
}
