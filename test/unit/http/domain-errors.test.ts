import express from 'express';
import request from 'supertest';
import { API_ERROR_CODES } from '@bearing/core';
import { sendDomainError } from '../../../bot/src/http/errors';

/** An app that answers each domain error code through the one error path every router uses. */
function appAnswering(code: string) {
  const app = express();
  app.get('/', (_req, res) => sendDomainError(res, { code, message: `m ${code}`, field: 'f' }));
  return app;
}

describe('one domain-error → HTTP status table', () => {
  it.each([
    [API_ERROR_CODES.validation, 400],
    [API_ERROR_CODES.forbidden, 403],
    [API_ERROR_CODES.notFound, 404],
    [API_ERROR_CODES.conflict, 409],
    [API_ERROR_CODES.lastOwner, 409],
    ['CHECKIN.BUSY', 409],
    ['CHECKIN.OUT_OF_DATE', 409],
    ['SOMETHING.ELSE', 400],
  ])('%s answers %i with its code, message and field', async (code, status) => {
    const res = await request(appAnswering(code)).get('/');
    expect([res.status, res.body]).toEqual([
      status,
      { error: { code, message: `m ${code}`, field: 'f' } },
    ]);
  });
});
