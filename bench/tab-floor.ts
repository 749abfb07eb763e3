import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** Builds the floor page (bench/tab-floor: React + FluentProvider + teams-js) into `outDir`. */
export function buildFloor(outDir: string): void {
  execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'error', '--outDir', outDir], {
    cwd: path.join(__dirname, 'tab-floor'),
    stdio: 'inherit',
  });
}

/** The JS a first visit downloads: index.html's module script and the chunks it preloads. */
export function initialJs(dist: string): { gzipBytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => (m[1] as string).replace(/^\/tab\//, ''));
  if (files.length === 0) throw new Error(`${dist}/index.html references no script`);
  const gzipBytes = files.reduce(
    (sum, ref) => sum + gzipSync(fs.readFileSync(path.join(dist, ref)), { level: 9 }).length,
    0,
  );
  return { gzipBytes, files };
}

/** The stylesheets index.html links (render-blocking, so part of what a first visit waits for). */
export function initialCss(dist: string): { gzipBytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) =>
    (m[1] as string).replace(/^\/tab\//, ''),
  );
  const gzipBytes = files.reduce(
    (sum, ref) => sum + gzipSync(fs.readFileSync(path.join(dist, ref)), { level: 9 }).length,
    0,
  );
  return { gzipBytes, files };
}

/**
 * The largest modules of the initial JS, by rendered size (before minification), from the
 * bundle report the tab's build writes (tab/vite.config.mts: dist/bundle-stats.json).
 */
export function topInitialModules(
  dist: string,
  files: readonly string[],
  count: number,
): { id: string; kb: number }[] {
  const stats = JSON.parse(fs.readFileSync(path.join(dist, 'bundle-stats.json'), 'utf8')) as {
    chunks: { fileName: string; modules: { id: string; renderedLength: number }[] }[];
  };
  const initial = new Set(files);
  return stats.chunks
    .filter((c) => initial.has(c.fileName))
    .flatMap((c) => c.modules)
    .sort((a, b) => b.renderedLength - a.renderedLength)
    .slice(0, count)
    .map((m) => ({
      id: m.id.replace(/^.*node_modules\//, '').replace(`${ROOT}/`, ''),
      kb: Math.round(m.renderedLength / 102.4) / 10,
    }));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves a built page at /tab/ on 127.0.0.1 (as the server serves the tab, cache headers aside). */
export async function serveDist(dist: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/tab\/?/, '');
    const file = path.join(dist, pathname === '' ? 'index.html' : pathname);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
