import fc from 'fast-check';

/** Strings that break naive parsers, renderers and key builders. */
export const evilString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '__proto__',
      'constructor',
      'javascript:alert(1)',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '**bold** _x_ `code` # heading',
      '\u0000\u0007\u001b[31m\r\n',
      '\u202e\u200b\ufeff',
      'NaN',
      'Infinity',
      '../../etc/passwd',
      'a/b\\c?d#e',
      '%00%2F%5C',
      '😀'.repeat(300),
    ),
    fc.integer({ min: 1_024, max: 300_000 }).map((n) => 'x'.repeat(n)),
  );

/** Path ids: separators, reserved characters, and ids over Cosmos' 1,023-byte limit. */
export const evilId = (): fc.Arbitrary<string> =>
  fc.oneof(
    evilString().filter((s) => s.length > 0 && s.length < 5_000),
    fc.constantFrom('a/b', 'a\\b', 'a?b', 'a#b', '.', '..', 'é'.repeat(600), 'k'.repeat(1_024)),
  );

/** Any JSON-ish value: wrong types, deep nesting, prototype keys, non-finite numbers. */
export const evilJson = (): fc.Arbitrary<unknown> => {
  const leaf = fc.oneof(
    evilString(),
    fc.double(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, null, true, false),
    fc.integer(),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'value', 'id'),
          fc.string(),
        ),
        tie('value'),
        { maxKeys: 5 },
      ),
    ),
  }));
  const deep = fc.integer({ min: 100, max: 3_000 }).map((n) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i += 1) v = i % 2 ? [v] : { a: v };
    return v;
  });
  return fc.oneof(value, deep);
};

/** A query string of hostile parameters (possibly repeated, possibly empty). */
export const evilQuery = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('cycleId', 'continuationToken', 'limit', '__proto__', 'x'),
        evilString().filter((s) => s.length < 3_000),
      ),
      {
        maxLength: 3,
      },
    )
    .map((pairs) =>
      pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '',
    );
