import fs from 'node:fs';
import path from 'node:path';

// The shape rules of the layout: no source file over 300 lines, no source folder over 15 files.
const root = path.resolve(__dirname, '..', '..');
const SOURCE_ROOTS = ['bot/src', 'tab/src', 'core/src'];
const MAX_LINES = 300;
const MAX_FILES = 15;
const CODE = /\.(ts|tsx|js|jsx|mjs|cjs|css)$/;
// Tests and generated files are not held to the limits.
const EXEMPT = /(\.test\.|\.spec\.|\.d\.ts$|(^|\/)(generated|__generated__)\/)/;

function walk(dir: string, folders: Map<string, string[]>): void {
  const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => `${dir}/${e.name}`);
  folders.set(dir, files);
  for (const e of entries) if (e.isDirectory()) walk(`${dir}/${e.name}`, folders);
}

const folders = new Map<string, string[]>();
for (const r of SOURCE_ROOTS) walk(r, folders);
const sources = [...folders.values()].flat().filter((f) => CODE.test(f) && !EXEMPT.test(f));
const lineCount = (file: string) =>
  fs.readFileSync(path.join(root, file), 'utf8').replace(/\n$/, '').split('\n').length;

describe('source shape', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources).toContain('core/src/index.ts');
  });

  it(`no source file is over ${MAX_LINES} lines`, () => {
    const tooLong = sources.map((f) => [f, lineCount(f)] as const).filter(([, n]) => n > MAX_LINES);
    expect(tooLong).toEqual([]);
  });

  it(`no source folder holds more than ${MAX_FILES} files`, () => {
    const crowded = [...folders]
      .filter(([, files]) => files.filter((f) => !EXEMPT.test(f)).length > MAX_FILES)
      .map(([dir, files]) => [dir, files.length]);
    expect(crowded).toEqual([]);
  });
});
