import { ok } from '@bearing/core';

test('core result helper', () => {
  expect(ok(1)).toEqual({ ok: true, value: 1 });
});
