import fs from 'node:fs';
import path from 'node:path';

// One composition root: bot/src/compose.ts builds the application (bot, delivery engine, scheduler,
// HTTP app), and the server, the test harnesses and the benchmarks all get it from there. Tests and
// benchmarks share only simulators/ (stand-ins for Teams, the Bot Connector, Graph, Entra, Cosmos).
const ROOT = path.resolve(__dirname, '..', '..');

/** Every .ts/.tsx file under `dir` (repository-relative, forward slashes). */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'results', 'fixtures'].includes(entry.name)) walk(child);
      } else if (/\.tsx?$/.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** What builds a piece of the whole server (definitions, `function x(`, are not calls). */
const WIRING: readonly [string, RegExp][] = [
  ['createHttpApp', /(?<!function\s+)\bcreateHttpApp\s*\(/],
  ['apiV1Router', /(?<!function\s+)\bapiV1Router\s*\(/],
  ['adminApiRouter', /(?<!function\s+)\badminApiRouter\s*\(/],
  ['ingestRouter', /(?<!function\s+)\bingestRouter\s*\(/],
  ['messagesRoute', /(?<!function\s+)\bmessagesRoute\s*\(/],
  ['callerAuthentication', /(?<!function\s+)\bcallerAuthentication\s*\(/],
  ['createAdapter', /(?<!function\s+)\bcreateAdapter\s*\(/],
  ['BearingBot', /\bnew\s+BearingBot\s*\(/],
  ['DeliveryWorker', /\bnew\s+DeliveryWorker\s*\(/],
  ['Scheduler', /\bnew\s+Scheduler\s*\(/],
];

/** Tests of one piece, which they build themselves (and nothing else of the server). */
const ONE_PIECE: Record<string, string> = {
  'test/integration/api/http-surface.test.ts': 'createHttpApp',
  'test/integration/jobs/delivery-engine.test.ts': 'DeliveryWorker, Scheduler',
  'test/integration/jobs/kpi-alerts.test.ts': 'DeliveryWorker',
  'test/integration/jobs/missed-check-ins.test.ts': 'DeliveryWorker',
  'test/unit/ship/admin-guide.test.ts': 'adminApiRouter',
  'test/unit/http/error-handler.test.ts': 'createHttpApp',
};

const wiringIn = (file: string) => {
  const text = read(file);
  return WIRING.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
};

describe('the composition root', () => {
  const files = ['bot/src', 'test', 'bench', 'simulators', 'scripts'].flatMap((d) =>
    fs.existsSync(path.join(ROOT, d)) ? sources(d) : [],
  );

  it('is the only place that wires the server (besides the tests of one piece)', () => {
    const wired = Object.fromEntries(
      files
        .filter((f) => f !== 'bot/src/compose.ts' && f !== 'test/unit/composition-root.test.ts')
        .map((f) => [f, wiringIn(f)] as const)
        .filter(([, names]) => names.length > 0)
        .map(([f, names]) => [f, names.join(', ')]),
    );
    expect(wired).toEqual(ONE_PIECE);
  });

  it('builds every piece itself', () => {
    expect(wiringIn('bot/src/compose.ts')).toEqual(WIRING.map(([name]) => name));
  });

  it.each([
    'bot/src/server.ts',
    'test/faults/harness.ts',
    'test/faults/worker-child.ts',
    'bench/tab.ts',
    'bench/store.ts',
  ])('is what %s starts from', (file) => {
    expect(read(file)).toMatch(/\bcomposeServer\(\{/);
  });

  // The delivery process and the fan-out bench's worker (which stands for it) build only the
  // delivery engine, through the function composeServer builds its own with.
  it.each(['bot/src/delivery-main.ts', 'bench/fanout-worker.ts'])(
    'gives %s its delivery engine',
    (file) => {
      expect(read(file)).toMatch(/\bcomposeDelivery\(\{/);
      expect(read('bot/src/compose.ts')).toMatch(/composeDelivery\(\{ \.\.\.options/);
    },
  );
});

/** The top-level folder each relative import of `file` reaches. */
function importedFolders(file: string): string[] {
  // Static imports start their line (an import inside a string, as the lint-rule tests write
  // them, is not one); dynamic imports and requires may stand anywhere.
  const specifiers = [
    ...read(file).matchAll(
      /^\s*(?:import|export)\b[^;'"]*?(?:from\s+)?['"](\.[^'"]*)['"]|\b(?:import|require)\s*\(\s*['"](\.[^'"]*)['"]/gm,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
  return specifiers.map(
    (s) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)).split(path.sep)[0] ?? '',
  );
}

describe('tests, benchmarks and simulators', () => {
  it.each([
    ['test', ['bench']],
    ['bench', ['test']],
    ['simulators', ['test', 'bench']],
    ['bot', ['test', 'bench', 'simulators']],
    ['core', ['test', 'bench', 'simulators']],
  ])('%s/ imports nothing from %j', (folder, forbidden) => {
    const crossings = sources(folder).flatMap((f) =>
      importedFolders(f)
        .filter((d) => forbidden.includes(d))
        .map((d) => `${f} → ${d}/`),
    );
    expect(crossings).toEqual([]);
  });

  it('reads imports the way this test expects (a crossing is seen)', () => {
    expect(importedFolders('test/faults/harness.ts')).toEqual(
      expect.arrayContaining(['bot', 'simulators', 'test']),
    );
  });
});
