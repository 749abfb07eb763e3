import fc from 'fast-check';
import {
  confidenceOf,
  day,
  emptyExport,
  instant,
  looksLikeFormula,
  mapOutcome,
  matchPeople,
  matchTeams,
  importedTeamId,
  num,
  parseAlignedTo,
  parseCheckins,
  planImport,
  readExplorerExport,
  readOrganisationExport,
  type VivaExport,
  type VivaItem,
} from '@bearing/core';

const item = (over: Partial<VivaItem>): VivaItem => ({
  vivaId: '1',
  source: 'test',
  title: 'T',
  typeLabel: 'Kpi',
  kind: 'keyResult',
  teams: [],
  owners: [],
  parents: [],
  ...over,
});

describe('export values', () => {
  it.each([
    ['40.0%', 40],
    ['1,234.5', 1234.5],
    ['$ 12', 12],
    [967, 967],
    ['n/a', undefined],
    ['', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])('num(%j) is %j', (value, expected) => expect(num(value)).toBe(expected));

  it('reads the date forms exports use, and refuses dates that do not exist', () => {
    expect(instant('2024-12-09 14:36:20 UTC')).toBe('2024-12-09T14:36:20.000Z');
    expect(instant('2024-12-09 14:36:20')).toBe('2024-12-09T14:36:20.000Z');
    expect(instant('2024-12-09T14:36:20.000Z')).toBe('2024-12-09T14:36:20.000Z');
    expect(instant('2024-12-09 14:36:20 +02:00')).toBe('2024-12-09T12:36:20.000Z');
    expect(day('2024-12-09')).toBe('2024-12-09');
    expect(instant('2024-02-31')).toBeUndefined();
    expect(instant('yesterday')).toBeUndefined();
  });

  it('spots cells a spreadsheet would run', () => {
    expect(looksLikeFormula('=HYPERLINK("http://x","y")')).toBe(true);
    expect(looksLikeFormula('+cmd|" /C calc"!A0')).toBe(true);
    expect(looksLikeFormula('@SUM(1+1)')).toBe(true);
    expect(looksLikeFormula('-5 % churn')).toBe(false);
    expect(looksLikeFormula('Grow revenue')).toBe(false);
  });

  it('reads the Checkins column: date, value, status, note; a ";" inside a note stays', () => {
    expect(
      parseCheckins(
        '2025-10-08: 5 (On Track); 2025-10-15 14:00 UTC: 8 (Behind) Two demos; see CRM;2025-11-06=1,250.5',
      ),
    ).toEqual({
      entries: [
        { at: '2025-10-08T12:00:00.000Z', value: 5, status: 'On Track' },
        { at: '2025-10-15T14:00:00.000Z', value: 8, status: 'Behind', note: 'Two demos; see CRM' },
        { at: '2025-11-06T12:00:00.000Z', value: 1250.5 },
      ],
      unread: [],
    });
    expect(parseCheckins('n/a; 2025-02-31: 4; 2025-03-01: lots; 2025-03-02: 40 %')).toEqual({
      entries: [{ at: '2025-03-02T12:00:00.000Z', value: 40 }],
      unread: ['n/a', '2025-02-31: 4', '2025-03-01: lots'],
    });
    expect(parseCheckins('')).toEqual({ entries: [], unread: [] });
  });

  it('parses the Aligned To column', () => {
    expect(
      parseAlignedTo('Grow, fast(weight: 14.29%, Id: 2295776), Other(weight: 50%, Id: 7)'),
    ).toEqual([
      { title: 'Grow, fast', weight: 14.29, id: '2295776' },
      { title: 'Other', weight: 50, id: '7' },
    ]);
  });
});

describe('outcomes and status', () => {
  const metric = (targetType: string | undefined, start: number, target: number, unit = 'Number') =>
    mapOutcome(
      item({
        outcome: { kind: 'metric', unit, start, target, ...(targetType ? { targetType } : {}) },
      }),
    );

  it.each([
    ['Increase From', 10, 20, 'increase'],
    ['Reach', 0, 20, 'increase'],
    ['Decrease From', 20, 10, 'decrease'],
    [undefined, 20, 10, 'decrease'],
    [undefined, 10, 20, 'increase'],
  ])('%s %i → %i is %s', (type, start, target, direction) => {
    expect(metric(type, start, target)).toMatchObject({ baseline: start, target, direction });
  });

  it('offers Stay Above / Stay Below as guardrails', () => {
    expect(metric('Stay Above', 99, 99.5, 'Percentage')).toMatchObject({
      guardrail: 'above',
      type: 'percent',
      target: 99.5,
    });
    expect(metric('Stay Below', 5, 3)).toMatchObject({ guardrail: 'below', direction: 'decrease' });
  });

  it('maps units, and keeps an unknown one as text', () => {
    expect(metric('Reach', 0, 1, 'Dollar')).toMatchObject({ type: 'currency', unit: 'USD' });
    expect(metric('Reach', 0, 1, 'Percentage')).toMatchObject({ type: 'percent', unit: '%' });
    expect(metric('Reach', 0, 1, 'Story points')).toMatchObject({
      type: 'number',
      unit: 'Story points',
    });
    expect(mapOutcome(item({ outcome: { kind: 'percentage' } }))).toMatchObject({
      type: 'percent',
      baseline: 0,
      target: 100,
    });
  });

  it.each([
    ['On Track', 'onTrack', false],
    ['Behind', 'atRisk', false],
    ['At Risk', 'atRisk', false],
    ['Not Started', 'onTrack', true],
    ['Closed', 'onTrack', true],
    ['Postponed', 'onTrack', true],
    [undefined, 'onTrack', true],
  ])('status %s → %s (stated in the preview: %s)', (status, confidence, stated) => {
    expect(confidenceOf(status)).toEqual({ confidence, stated });
  });
});

describe('people and teams', () => {
  const roster = [
    { userId: 'u-megan', displayName: 'Megan Bowen', email: 'megan@contoso.example' },
    { userId: 'u-alex1', displayName: 'Alex Wilber' },
    { userId: 'u-alex2', displayName: 'alex  wilber' },
  ];

  it('matches by e-mail first, then a unique display name, and never makes one up', () => {
    const m = matchPeople(
      [
        { name: 'M. Bowen', email: 'MEGAN@contoso.example', vivaId: '1' },
        { name: 'Alex Wilber', vivaId: '2' },
        { name: 'Nobody Known', email: 'nobody@x.example' },
      ],
      roster,
    );
    expect([...m.values()].map((p) => [p.viva, p.userId, p.match, p.ambiguous ?? false])).toEqual([
      ['M. Bowen', 'u-megan', 'email', false],
      ['Alex Wilber', null, 'unmatched', true],
      ['Nobody Known', null, 'unmatched', false],
    ]);
  });

  it('says when a display name is ambiguous', () => {
    const plan = planImport(
      {
        ...emptyExport(),
        items: [
          item({
            kind: 'objective',
            owners: [{ name: 'Alex Wilber' }],
            start: '2026-01-01',
            end: '2026-03-31',
          }),
        ],
      },
      {
        tenantId: 't',
        fiscalStartMonth: 1,
        timeZone: 'UTC',
        now: '2026-01-01T00:00:00Z',
        knownTeams: [],
        roster,
        teams: [{ viva: 'X', teamId: 'nope' }],
      },
    );
    expect(plan.report.people).toEqual([
      expect.objectContaining({
        viva: 'Alex Wilber',
        userId: null,
        match: 'unmatched',
        ambiguous: true,
        itemCount: 1,
      }),
    ]);
    expect(plan.report.issues.map((i) => i.code)).toContain('team.overrideUnknown');
  });

  it('lets the admin decide, by e-mail, Viva id or name (null: ownerless)', () => {
    const m = matchPeople(
      [
        { name: 'Alex Wilber', vivaId: '2' },
        { name: 'Nobody Known', email: 'nobody@x.example' },
        { name: 'Megan Bowen', email: 'megan@contoso.example' },
      ],
      roster,
      [
        { viva: 'viva:2', userId: 'u-alex2' },
        { viva: 'NOBODY@x.example', userId: 'u-alex1' },
        { viva: 'Megan Bowen', userId: null },
      ],
    );
    expect([...m.values()].map((p) => [p.userId, p.match])).toEqual([
      ['u-alex2', 'override'],
      ['u-alex1', 'override'],
      [null, 'override'],
    ]);
  });

  it('matches teams by name, keeps an override, and makes the rest new teams', () => {
    const data: VivaExport = {
      ...emptyExport(),
      teams: [{ name: 'my team' }, { name: 'Platform', parentName: 'My Team' }, { name: 'Ops' }],
      items: [item({ teams: ['Ghost'] })],
    };
    const known = [
      { id: 't-1', name: 'My Team' },
      { id: 't-2', name: 'Operations' },
    ];
    const m = matchTeams(data, known, [
      { viva: 'Ops', teamId: 't-2' },
      { viva: 'Platform', teamId: 'no-such-team' },
    ]);
    const rows = [...m.values()].map((t) => [
      t.viva,
      t.teamId.startsWith('viva-team-') ? 'new' : t.teamId,
      t.match,
      t.listed,
    ]);
    expect(rows).toEqual([
      ['my team', 't-1', 'name', true],
      ['Platform', 'new', 'new', true],
      ['Ops', 't-2', 'override', true],
      ['Ghost', 'new', 'new', false],
    ]);
  });

  it('maps a team linked since to its Teams team, unless the admin says otherwise', () => {
    const data: VivaExport = { ...emptyExport(), teams: [{ name: 'Platform' }, { name: 'Ops' }] };
    const known = [
      { id: 't-9', name: 'Platform Engineering' },
      { id: 't-8', name: 'Ops' },
    ];
    const links = [
      { importedTeamId: importedTeamId('platform'), teamId: 't-9', by: 'admin' as const },
      { importedTeamId: importedTeamId('Ops'), teamId: 't-8', by: 'install' as const },
    ];
    const m = matchTeams(data, known, [], links);
    expect(m.get('platform')).toMatchObject({ teamId: 't-9', match: 'override', linked: true });
    expect(m.get('ops')).toMatchObject({ teamId: 't-8', match: 'name', linked: true });
    // A link to a team Bearing no longer knows is ignored; an override wins over a link.
    expect(matchTeams(data, [], [], links).get('platform')?.match).toBe('new');
    const overridden = matchTeams(data, known, [{ viva: 'Platform', teamId: null }], links);
    expect(overridden.get('platform')).toMatchObject({ match: 'override' });
    expect(overridden.get('platform')?.linked).toBeUndefined();
  });
});

describe('readers', () => {
  const html = (s: string) => s.replace(/<[^>]*>/g, '');

  it('finds each file’s entity by name or by content, and refuses other files', () => {
    const r = readOrganisationExport(
      [
        { name: 'mystery.json', data: [{ ID: 1, 'OKR ID': 5, 'CheckIn Date': '2025-01-06' }] },
        { name: 'objectives_export_file_1.json', data: [{ ID: 5, Title: 'K', Type: 'Kpi' }] },
        { name: 'trello.json', data: { boards: [] } },
      ],
      html,
    );
    expect(r.checkIns).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ vivaId: '5', kind: 'keyResult', teams: [], owners: [] });
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'file.unknown']]);
  });

  it('drops identical repeats and refuses differing records with the same id', () => {
    const row = { ID: 5, Title: 'K', Type: 'Kpi' };
    const r = readOrganisationExport(
      [
        { name: 'objectives_export_file_1.json', data: [row, row] },
        { name: 'objectives_export_file_2.json', data: [{ ...row, Title: 'Other' }] },
      ],
      html,
    );
    expect(r.items).toHaveLength(1);
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate', 'id.collision']);
  });

  it('gives Explorer rows without ids stable ids and maps custom labels', () => {
    const table = {
      name: 'x.csv',
      header: ['Title', 'Object Type', 'Period'],
      records: [
        { line: 2, cells: ['Grow', 'Theme', 'Q1'] },
        { line: 3, cells: ['Logos', 'Outcome', 'Q1'] },
      ],
    };
    const first = readExplorerExport([table]);
    const again = readExplorerExport([table], { outcome: 'keyResult' });
    expect(first.items.map((i) => i.kind)).toEqual(['objective', undefined]);
    expect(again.items.map((i) => i.kind)).toEqual(['objective', 'keyResult']);
    expect(again.items.map((i) => i.vivaId)).toEqual(first.items.map((i) => i.vivaId));
    expect(first.items[0]!.vivaId).toMatch(/^csv-[0-9a-z]+$/);
  });
});

describe('planImport', () => {
  const ctx = {
    tenantId: 't',
    fiscalStartMonth: 1,
    timeZone: 'UTC',
    now: '2026-03-01T00:00:00.000Z',
    knownTeams: [{ id: 'team-1', name: 'Core' }],
    roster: [{ userId: 'u-1', displayName: 'Ann' }],
  };
  const data: VivaExport = {
    ...emptyExport(),
    items: [
      item({
        vivaId: '1',
        kind: 'objective',
        title: 'O',
        teams: ['Core'],
        owners: [{ name: 'Ann' }],
        start: '2026-01-01',
        end: '2026-12-31',
      }),
      item({
        vivaId: '2',
        title: 'K',
        owners: [{ name: 'Zed' }],
        parents: [{ id: '1' }],
        start: '2026-01-01',
        end: '2026-03-31',
        outcome: { kind: 'metric', start: 0, target: 10 },
      }),
    ],
    checkIns: [
      {
        vivaId: 'c2',
        source: 's',
        itemId: '2',
        at: '2026-01-07T10:00:00.000Z',
        value: 4,
        note: 'second',
      },
      {
        vivaId: 'c1',
        source: 's',
        itemId: '2',
        at: '2026-01-05T10:00:00.000Z',
        value: 2,
        note: 'first',
      },
      {
        vivaId: 'c3',
        source: 's',
        itemId: '2',
        at: '2026-01-13T10:00:00.000Z',
        value: 5,
        status: 'Behind',
      },
    ],
  };

  it('is deterministic and writes one update per key result and ISO week', () => {
    const plan = planImport(data, ctx);
    expect(planImport(data, ctx)).toEqual(plan);
    expect(plan.objectives[0]).toMatchObject({
      id: 'viva-o-1',
      cycleId: 'FY2026',
      teamId: 'team-1',
      ownerId: 'u-1',
    });
    expect(plan.keyResults[0]).toMatchObject({
      id: 'viva-k-2',
      cycleId: 'FY2026-Q1',
      ownerId: 'unassigned',
      origin: { unmatchedOwner: 'Zed' },
      current: 5,
      confidence: 'atRisk',
    });
    expect(plan.checkIns.map((c) => [c.week, c.userId, c.updates, c.whatChanged])).toEqual([
      [
        '2026-W02',
        'unassigned',
        [{ keyResultId: 'viva-k-2', previousValue: 0, value: 4, confidence: 'onTrack' }],
        'K\n2026-01-05: first\n2026-01-07: second',
      ],
      [
        '2026-W03',
        'unassigned',
        [{ keyResultId: 'viva-k-2', previousValue: 4, value: 5, confidence: 'atRisk' }],
        undefined,
      ],
    ]);
    expect(plan.report.people.find((p) => p.viva === 'Zed')).toMatchObject({
      userId: null,
      itemCount: 1,
    });
  });
});

describe('any export shape', () => {
  const ENTITIES = ['objectives', 'checkins', 'Teams', 'Users', 'TimePeriods', 'comments', 'Tags'];
  const field = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom('2025-10-01', '2025-12-31 10:00:00', 'Big rock', 'Kpi', 'Project', '40.0%'),
    fc.array(fc.record({ ID: fc.integer({ min: 1, max: 5 }), Name: fc.string() }), {
      maxLength: 2,
    }),
    fc.record({ 'Outcome Type': fc.constantFrom('Metric', 'Percentage'), Start: fc.anything() }),
  );
  const row = fc.dictionary(
    fc.constantFrom(
      'ID',
      'Title',
      'Type',
      'Owner',
      'Teams',
      'Time Period',
      'Start Date',
      'End Date',
      'Parent IDs',
      'Alignment',
      'Outcome',
      'Status',
      'OKR ID',
      'CheckIn Date',
      'Current Value',
      'Check In Note',
      'Comment',
      'Team Name',
      'Parent Team',
      'Time Period Name',
      'Name',
      'Email',
    ),
    field,
  );

  it('is read and mapped without throwing, whatever the fields hold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...ENTITIES),
            fc.array(fc.oneof(row, fc.anything()), { maxLength: 8 }),
          ),
          { maxLength: 7 },
        ),
        (files) => {
          const data = readOrganisationExport(
            files.map(([entity, rows], i) => ({
              name: `${entity}_export_file_${i}.json`,
              data: rows,
            })),
            (h) => h,
          );
          const plan = planImport(data, {
            tenantId: 't',
            fiscalStartMonth: 7,
            timeZone: 'Europe/Berlin',
            now: '2026-01-01T00:00:00.000Z',
            knownTeams: [],
            roster: [],
          });
          expect(plan.report.counts.objectives).toBe(plan.objectives.length);
          for (const o of plan.objectives) expect(o.title.length).toBeLessThanOrEqual(200);
        },
      ),
      { numRuns: 300 },
    );
  });
});
