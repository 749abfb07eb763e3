import { Router } from 'express';
import request from 'supertest';
import { API_ERROR_CODES } from '@bearing/core';
import { createHttpApp } from '../../../bot/src/http/app';
import { StoreConflictError } from '../../../bot/src/features/common';
import { memoryLogger } from '../../support/embedded-store';

/** A route under each mount point that throws what it is told to. */
function throwing(thrown: () => unknown) {
  const routes = () =>
    Router().all('/boom', async () => {
      await Promise.resolve();
      throw thrown();
    });
  const logger = memoryLogger();
  const app = createHttpApp({
    logger,
    storeProbe: async () => true,
    messages: (_req, res) => void res.status(401).end(),
    authenticate: (_req, _res, next) => next(),
    admin: routes(),
    ingest: Router().use('/ingest', routes()),
    api: routes(),
  });
  return { app, logger };
}

const INTERNAL = {
  error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
};

describe('the one error middleware', () => {
  it.each(['/api/v1/boom', '/api/v1/admin/boom', '/api/v1/ingest/boom'])(
    'an unexpected throw in %s answers 500 with the one JSON shape and is logged without its message',
    async (url) => {
      const { app, logger } = throwing(() => new TypeError('secret user text'));
      const res = await request(app).get(url);
      expect([res.status, res.type, res.body]).toEqual([500, 'application/json', INTERNAL]);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([
        expect.stringContaining('"error":"TypeError"'),
      ]);
      expect(logger.lines.join('\n')).not.toContain('secret user text');
    },
  );

  it('a thrown non-Error value answers the same 500', async () => {
    const res = await request(throwing(() => 'just a string').app).get('/api/v1/boom');
    expect([res.status, res.body]).toEqual([500, INTERNAL]);
  });

  it('a write that lost a race is the domain conflict (409) from the status table', async () => {
    const { app, logger } = throwing(() => new StoreConflictError('kpi', 'k1', 'staleEtag'));
    const res = await request(app).post('/api/v1/boom');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe(API_ERROR_CODES.conflict);
    expect(logger.lines).toEqual([]);
  });

  it('a body that is not JSON answers 400 JSON', async () => {
    const { app } = throwing(() => new Error('unreached'));
    const res = await request(app)
      .post('/api/v1/boom')
      .set('content-type', 'application/json')
      .send('{"broken":');
    expect([res.status, res.body.error.code]).toEqual([400, 'HTTP.MALFORMED_JSON']);
  });

  it('a store that is throttled answers a retryable 503', async () => {
    const res = await request(throwing(() => ({ statusCode: 429 })).app).get('/api/v1/boom');
    expect([res.status, res.headers['retry-after'], res.body.error.code]).toEqual([
      503,
      '5',
      'SERVICE.UNAVAILABLE',
    ]);
  });
});
