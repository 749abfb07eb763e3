import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../observability/logger';
import { sendError } from './errors';

/** How much work an endpoint takes on at once, and how long a request may wait for its turn. */
export interface AdmissionLimits {
  /** Requests handled at the same time; the others wait in arrival order. */
  readonly maxActive: number;
  /** Requests that may wait; one more is answered 503 at once. */
  readonly maxWaiting: number;
  /** A request that waited this long is answered 503 instead of being handled late. */
  readonly maxWaitMs: number;
  /** The Retry-After of those 503 answers, in seconds. */
  readonly retryAfterSeconds: number;
}

/**
 * The bot endpoint's limits. A turn waits on about four store round trips one after another, so
 * 16 at once already allow hundreds of turns a second, more than one process's CPU does (a
 * check-in costs several ms); more would only interleave them (every answer later, none sooner)
 * and crowd the store. Three seconds of waiting leaves the turn most of its own budget
 * (TURN_ANSWER_MS) inside Teams' 15 s.
 */
export const BOT_ADMISSION: AdmissionLimits = {
  maxActive: 16,
  maxWaiting: 512,
  maxWaitMs: 3_000,
  retryAfterSeconds: 2,
};

interface Waiter {
  readonly res: Response;
  readonly admit: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Admission control in front of an endpoint: at most `maxActive` requests are handled at once, the
 * next `maxWaiting` wait first come first served, and any request that would wait longer than
 * `maxWaitMs` (or finds the queue full) is answered at once with 503 and Retry-After, before its
 * body is read or its token checked. Without it a server offered more than it can do accepts
 * everything, every request slows down together, and callers time out with no answer at all.
 */
export function admission(limits: AdmissionLimits, logger: Logger): RequestHandler {
  let active = 0;
  const waiting: Waiter[] = [];
  let shed = 0;

  const refuse = (res: Response, why: 'queue full' | 'waited too long') => {
    shed += 1;
    // One line per 100 refusals: an overload must not also flood the log.
    if (shed % 100 === 1) logger.warn('request shed under load', { why, shed, active });
    res.setHeader('Retry-After', String(limits.retryAfterSeconds));
    sendError(res, 503, 'SERVER.BUSY', 'The server is busy. Please try again in a moment.');
  };

  const release = () => {
    active -= 1;
    while (active < limits.maxActive && waiting.length > 0) {
      const next = waiting.shift() as Waiter;
      clearTimeout(next.timer);
      // A caller that gave up while waiting costs nothing more.
      if (next.res.destroyed || next.res.writableEnded) continue;
      next.admit();
    }
  };

  return (_req, res, next) => {
    // Bound to this request's async context (its correlation id), whichever request frees the slot.
    const admit = AsyncResource.bind(() => {
      active += 1;
      res.once('close', release);
      next();
    });
    if (active < limits.maxActive) return admit();
    if (waiting.length >= limits.maxWaiting) return refuse(res, 'queue full');
    const waiter: Waiter = {
      res,
      admit,
      timer: setTimeout(() => {
        const at = waiting.indexOf(waiter);
        if (at >= 0) waiting.splice(at, 1);
        if (!res.destroyed) refuse(res, 'waited too long');
      }, limits.maxWaitMs),
    };
    waiting.push(waiter);
  };
}
