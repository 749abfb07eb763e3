import fs from 'node:fs';
import path from 'node:path';

// docs/architecture.md names files and folders; a rename that forgets the page fails here.
const root = path.resolve(__dirname, '..', '..', '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');

/** Every `code` span that looks like a repository path. */
function namedPaths(): string[] {
  const spans = [...doc.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] as string);
  return [...new Set(spans.filter((s) => /^(bot|core|tab|test|bench|simulators)\//.test(s)))];
}

/** A path as written in the doc: relative to the repo, or to the feature folder before it. */
function exists(p: string): boolean {
  const bare = p.replace(/\/$/, '').replace(/<feature>.*$/, '');
  return fs.existsSync(path.join(root, bare));
}

describe('docs/architecture.md', () => {
  it('names paths', () => {
    expect(namedPaths().length).toBeGreaterThan(15);
  });

  it('names only paths that exist', () => {
    expect(namedPaths().filter((p) => !exists(p))).toEqual([]);
  });

  it('lists every feature folder, and no other', () => {
    const folders = fs
      .readdirSync(path.join(root, 'bot', 'src', 'features'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const section = doc.slice(doc.indexOf('### Features'), doc.indexOf('## The composition root'));
    const listed = [...section.matchAll(/^\| `([a-z-]+)` /gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(folders);
  });

  it('is linked from the README', () => {
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(
      '(docs/architecture.md)',
    );
  });
});
