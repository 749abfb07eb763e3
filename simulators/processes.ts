import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The repository's root folder. */
export const ROOT = path.resolve(__dirname, '..');

/** A helper process that prints one JSON line when it is ready. */
export async function startHelper(
  args: string[],
): Promise<{ info: Record<string, string>; stop(): void; kill(): void }> {
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`helper exited with ${code}`)));
    child.on('error', reject);
  });
  return { info, stop: () => child.kill('SIGTERM'), kill: () => child.kill('SIGKILL') };
}

/** A TypeScript file of this repository run as a helper process (see scripts/run-ts.js). */
export function startTsHelper(file: string, args: string[] = [], nodeArgs: string[] = []) {
  return startHelper([...nodeArgs, path.join(ROOT, 'scripts', 'run-ts.js'), file, ...args]);
}
