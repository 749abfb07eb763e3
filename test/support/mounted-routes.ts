import type { Express } from 'express';

/** What express 5 (router 2) keeps of a mounted handler: its path, and a route or a sub-router. */
interface Layer {
  readonly rawPath?: string | readonly string[];
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
  readonly handle: { readonly stack?: readonly Layer[] };
}

const join = (prefix: string, path: string) => (path === '/' ? prefix : `${prefix}${path}`);

/**
 * Every route the app really mounts, as `METHOD /path` under `under` (path-to-regexp escapes
 * removed), found by walking the routers express holds at run time, not by reading source text.
 */
export function mountedRoutes(app: Express, under: string): string[] {
  const found: string[] = [];
  const walk = (stack: readonly Layer[], prefix: string) => {
    for (const layer of stack) {
      const paths = [layer.route?.path ?? layer.rawPath ?? '/'].flat();
      for (const path of paths) {
        const at = join(prefix, path.replace(/\\/g, ''));
        if (layer.route) {
          for (const [method, on] of Object.entries(layer.route.methods))
            if (on && method !== '_all') found.push(`${method.toUpperCase()} ${at}`);
        } else if (layer.handle.stack) walk(layer.handle.stack, at);
      }
    }
  };
  walk((app as unknown as { router: { stack: readonly Layer[] } }).router.stack, '');
  return [
    ...new Set(
      found
        .filter((r) => r.split(' ')[1]?.startsWith(`${under}/`))
        .map((r) => r.replace(` ${under}/`, ' /')),
    ),
  ].sort();
}
