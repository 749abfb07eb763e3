import { formatZodError, schemas } from '@bearing/core';

describe('tab API request schemas', () => {
  const objective = {
    cycleId: 'FY2027-Q2',
    title: 'Delight customers',
    ownerId: 'u1',
    parentIds: ['c1'],
  };

  it('accept valid bodies and apply defaults', () => {
    expect(schemas.createObjectiveRequest.parse(objective)).toEqual({
      ...objective,
      level: 'team',
      status: 'active',
    });
    const kr = schemas.createKeyResultRequest.parse({
      title: 'Raise NPS from 20 to 40',
      type: 'number',
      baseline: 20,
      target: 40,
      ownerId: 'u1',
    });
    expect(kr.confidence).toBe('onTrack');
    expect(
      schemas.updateTeamSettingsRequest.safeParse({
        etag: 'e',
        checkInDay: 1,
        checkInTime: '09:00',
        timeZone: 'Europe/Berlin',
        reminderOffsetMinutes: 1440,
        digestDay: 5,
        digestTime: '15:00',
      }).success,
    ).toBe(true);
  });

  it.each([
    ['unknown key', { ...objective, admin: true }],
    [
      '__proto__ key',
      JSON.parse('{"cycleId":"FY2027-Q2","title":"x","ownerId":"u1","__proto__":{"polluted":1}}'),
    ],
    ['constructor key', { ...objective, constructor: { prototype: {} } }],
    ['huge title', { ...objective, title: 'x'.repeat(201) }],
    ['empty title', { ...objective, title: '   ' }],
    ['control characters', { ...objective, title: 'bad\u0007bell' }],
    ['id with slash', { ...objective, ownerId: 'a/b' }],
    ['id with #', { ...objective, parentIds: ['a#b'] }],
    ['id over 128 chars', { ...objective, ownerId: 'x'.repeat(129) }],
    ['company level from a team', { ...objective, level: 'company' }],
    ['bad cycle', { ...objective, cycleId: '2027Q2' }],
    [
      'too many parents',
      { ...objective, parentIds: Array.from({ length: 51 }, (_, i) => `p${i}`) },
    ],
  ])('reject %s', (_name, body) => {
    expect(schemas.createObjectiveRequest.safeParse(body).success).toBe(false);
  });

  it('PATCH bodies change only what they name: no defaults fill the fields left out', () => {
    expect(schemas.updateKeyResultRequest.parse({ etag: 'e', target: 9 })).toEqual({
      etag: 'e',
      target: 9,
    });
    expect(schemas.updateKpiRequest.parse({ etag: 'e', name: 'Uptime' })).toEqual({
      etag: 'e',
      name: 'Uptime',
    });
  });

  it('keeps prototypes clean', () => {
    schemas.createObjectiveRequest.safeParse(JSON.parse('{"__proto__":{"polluted":1}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('enforce key result rules per type', () => {
    const base = { title: 'Done?', ownerId: 'u1' };
    expect(
      schemas.createKeyResultRequest.safeParse({ ...base, type: 'boolean', baseline: 0, target: 1 })
        .success,
    ).toBe(true);
    expect(
      schemas.createKeyResultRequest.safeParse({ ...base, type: 'boolean', baseline: 0, target: 5 })
        .success,
    ).toBe(false);
    expect(
      schemas.createKeyResultRequest.safeParse({
        ...base,
        type: 'milestone',
        baseline: 0,
        target: 2,
        milestones: ['a', 'b'],
      }).success,
    ).toBe(true);
    expect(
      schemas.createKeyResultRequest.safeParse({
        ...base,
        type: 'milestone',
        baseline: 0,
        target: 2,
      }).success,
    ).toBe(false);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1e16, '5']) {
      expect(
        schemas.createKeyResultRequest.safeParse({
          ...base,
          type: 'number',
          baseline: bad,
          target: 1,
        }).success,
      ).toBe(false);
    }
  });

  it('enforce KPI ranges and directions', () => {
    const k = {
      name: 'CSAT',
      formula: 'mean',
      dataSource: 'surveys',
      updateFrequency: 'weekly',
      unit: 'score',
      ownerId: 'u1',
    };
    expect(
      schemas.createKpiRequest.safeParse({
        ...k,
        direction: 'higherIsBetter',
        target: { min: 4.6 },
      }).success,
    ).toBe(true);
    expect(
      schemas.createKpiRequest.safeParse({
        ...k,
        direction: 'higherIsBetter',
        target: { max: 4.6 },
      }).success,
    ).toBe(false);
    expect(
      schemas.createKpiRequest.safeParse({
        ...k,
        direction: 'withinRange',
        target: { min: 5, max: 4 },
      }).success,
    ).toBe(false);
    expect(
      schemas.createKpiRequest.safeParse({ ...k, direction: 'lowerIsBetter', target: {} }).success,
    ).toBe(false);
    expect(
      schemas.createKpiRequest.safeParse({
        ...k,
        direction: 'lowerIsBetter',
        target: { max: 1 },
        warningMargin: -1,
      }).success,
    ).toBe(false);
  });

  it('limit reading batches to 500 and reject non-finite values', () => {
    const reading = { kpiId: 'k', value: 1, at: '2026-11-22T10:00:00Z' };
    expect(
      schemas.addReadingsBatchRequest.safeParse({ readings: Array(500).fill(reading) }).success,
    ).toBe(true);
    expect(
      schemas.addReadingsBatchRequest.safeParse({ readings: Array(501).fill(reading) }).success,
    ).toBe(false);
    expect(schemas.addReadingRequest.safeParse({ value: Number.NaN, at: reading.at }).success).toBe(
      false,
    );
    expect(schemas.addReadingRequest.safeParse({ value: 1, at: 'yesterday' }).success).toBe(false);
  });

  it('coerce query strings', () => {
    expect(schemas.pageQuery.parse({ pageSize: '10' })).toEqual({ pageSize: 10 });
    expect(schemas.pageQuery.safeParse({ pageSize: '1000' }).success).toBe(false);
    expect(schemas.exportQuery.parse({})).toEqual({ format: 'json', include: 'all' });
  });

  it('format errors with the field and a readable message', () => {
    const r = schemas.createObjectiveRequest.safeParse({ ...objective, title: 'x'.repeat(201) });
    if (r.success) throw new Error('should fail');
    expect(formatZodError(r.error)).toMatchObject({
      code: 'VALIDATION.FAILED',
      field: 'title',
      message: 'title: Title must be at most 200 characters.',
    });
  });
});
