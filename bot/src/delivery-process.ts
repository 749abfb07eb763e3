import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Logger } from './observability/logger';

/**
 * V8 limits of the delivery process. What a fan-out keeps alive does not grow with the member
 * count (about 45 MB of heap after a full GC at 10,000 members in teams of ten: `npm run bench --
 * fanout --retained`); without a limit V8 lets uncollected garbage grow the heap toward the
 * machine's memory. 128 MB of old space is close to three times that live set; 4 MB semi-spaces
 * (16 MB by default) keep the young generation small at the cost of more frequent, cheap
 * scavenges. One team is held whole while its week is sent: a single 10,000-member team peaks at
 * 89 MB of heap under this cap (`npm run bench -- fanout --members 10000 --team-size 10000`).
 */
export const DELIVERY_NODE_ARGS: readonly string[] = Object.freeze([
  '--max-old-space-size=128',
  '--max-semi-space-size=4',
]);

/** The entry point the delivery process runs (compiled next to this file). */
export const DELIVERY_MAIN = path.join(__dirname, 'delivery-main.js');

/** The running delivery process, restarted while the server runs. */
export interface DeliveryProcess {
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Restart delays after unexpected exits: 1 s doubling to 60 s, reset after a minute of running. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * Forks the delivery process (planning, KPI re-evaluation, proactive sends) with
 * DELIVERY_NODE_ARGS and the server's environment, and restarts it when it exits unexpectedly, so
 * that an import or a burst of API traffic in the server cannot take memory from the weekly send,
 * and a delivery crash cannot take the server down. Leases make a restart safe: what the old
 * process held is taken again when its lease ends, sent at most once (delivery-worker.ts).
 */
export function startDeliveryProcess(logger: Logger): DeliveryProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let delay = FIRST_DELAY_MS;
  let restart: NodeJS.Timeout | undefined;
  const run = () => {
    const startedAt = Date.now();
    const current = fork(DELIVERY_MAIN, [], {
      // The server's own environment (fork's default): the same configuration, read by boot.ts.
      execArgv: [...DELIVERY_NODE_ARGS],
      stdio: 'inherit',
    });
    child = current;
    current.on('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      if (Date.now() - startedAt > MAX_DELAY_MS) delay = FIRST_DELAY_MS;
      logger.error('delivery process exited; restarting', {
        code,
        signal,
        restartInMs: delay,
      });
      restart = setTimeout(run, delay);
      restart.unref();
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    });
    current.on('error', (error) =>
      logger.error('delivery process failed', { error: error.message }),
    );
  };
  run();
  return {
    stop: async (graceMs = 10_000) => {
      stopping = true;
      if (restart) clearTimeout(restart);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.kill('SIGTERM');
      const kill = setTimeout(() => current.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(kill);
    },
  };
}
