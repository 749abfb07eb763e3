import { consoleSummary, routeConsoleToLogger } from '../../bot/src/observability/console-bridge';
import { memoryLogger } from '../support/embedded-store';

const PEM = [
  '-----BEGIN RSA PUBLIC KEY-----',
  'MIIBCgKCAQEAw2TarUkzr8+R/arHN8qFlL2TjmUGhStDsmo1HAT6HbEb2EKKxhuv',
  'hHcB2kWtVCtK/AqnbHLzZRpOq6mrpX9Ru9TrZB/0YU6UiK7PjKnKlFOgA0oDwiYs',
  '-----END RSA PUBLIC KEY-----',
].join('\n');
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

class JsonWebTokenError extends Error {
  override name = 'JsonWebTokenError';
}

describe('consoleSummary', () => {
  it.each([
    [
      [`Error finding key for token. Available keys: ${PEM}`],
      'Error finding key for token. Available keys: [redacted]',
    ],
    [[`keys: ${PEM.slice(0, 80)}`], 'keys: [redacted]'],
    [['token %s rejected', JWT], 'token [redacted] rejected'],
    [['auth: Bearer abc.def.ghi'], 'auth: [redacted]'],
    [['key MIIBCgKCAQEAw2TarUkzr8R/arHN8qFlL2TjmUGhStDsmo1HAT6HbEb2EKKx'], 'key [redacted]'],
    [[new JsonWebTokenError('invalid signature')], 'JsonWebTokenError: invalid signature'],
  ])('case %#: %j', (args, expected) => {
    expect(consoleSummary(args)).toBe(expected);
  });

  it('keeps one line of at most 300 characters', () => {
    expect(consoleSummary([`${'a '.repeat(400)}\nsecond line`])).toHaveLength(300);
    expect(consoleSummary(['first\n    at stack (file.js:1:1)'])).toBe('first');
  });
});

it('routes console calls to the logger while installed, and restores them', () => {
  const logger = memoryLogger();
  const original = console.error;
  const restore = routeConsoleToLogger(logger);
  try {
    console.error(new Error('boom'));
    console.log('hello %d', 42);
  } finally {
    restore();
  }
  expect(console.error).toBe(original);
  expect(logger.lines).toEqual([
    'warn library console output {"source":"console","detail":"Error: boom"}',
    'info library console output {"source":"console","detail":"hello 42"}',
  ]);
});
