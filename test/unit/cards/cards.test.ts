import {
  CARD_VERBS,
  CHECKIN_INPUTS,
  decodeTabContext,
  readTabDeepLink,
  type CheckIn,
  type TeamMember,
} from '@bearing/core';
import {
  buildCheckInCard,
  type CheckInCardModel,
} from '../../../bot/src/features/check-in/check-in-card';
import {
  buildHelpCard,
  buildMessageCard,
  buildMyOkrsCard,
  buildWelcomeCard,
} from '../../../bot/src/features/common/cards/info-cards';
import { buildCheckInSummaryCard } from '../../../bot/src/features/check-in/summary-card';
import {
  buildDigestCard,
  refreshUserIds,
  type DigestModel,
} from '../../../bot/src/features/delivery/digest-card';
import { buildTeamStatusCard } from '../../../bot/src/features/team/team-status-card';
import {
  buildKpiAlertCard,
  sparkline,
  type KpiAlertModel,
} from '../../../bot/src/features/kpis/kpi-alert-card';
import { buildKpiUpdateCard } from '../../../bot/src/features/kpis/kpi-update-card';
import { escapeMarkdown } from '../../../bot/src/features/common/cards/text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_TAB_ENTITY_ID, tabLinker } from '../../../bot/src/features/common';
import { keyResult } from '../../fixtures/okrs';

const APP_ID = '00000000-0000-4000-8000-00000000b001';
import { cardProblems, texts } from '../../support/cards';

const krs = [
  keyResult({
    id: 'k-num',
    title: 'Cut time to fill from 48 to 30 days',
    baseline: 48,
    target: 30,
    current: 41,
    direction: 'decrease',
    unit: 'days',
  }),
  keyResult({
    id: 'k-pct',
    type: 'percent',
    unit: '%',
    title: 'Raise activation',
    baseline: 20,
    target: 35,
    current: 25,
  }),
  keyResult({
    id: 'k-usd',
    type: 'currency',
    unit: 'USD',
    title: 'Grow MRR',
    baseline: 120000,
    target: 150000,
    current: 131000,
  }),
  keyResult({
    id: 'k-bool',
    type: 'boolean',
    title: 'SOC 2 report signed',
    baseline: 0,
    target: 1,
    current: 0,
  }),
  keyResult({
    id: 'k-ms',
    type: 'milestone',
    title: 'Pilot',
    baseline: 0,
    target: 3,
    current: 1,
    milestones: ['Design', 'Build', 'Launch'],
  }),
];
const model = (overrides: Partial<CheckInCardModel> = {}): CheckInCardModel => ({
  userName: 'Alex Wilber',
  teamId: 'team-a',
  teamName: 'My Team',
  cycleId: 'FY2027-Q2',
  week: '2026-W48',
  submissionId: 'card-00000001',
  locale: 'en-US',
  keyResults: krs.map((keyResult) => ({ keyResult, objectiveTitle: 'Hire great people faster' })),
  ...overrides,
});
const checkIn: CheckIn = {
  tenantId: 't',
  teamId: 'team-a',
  userId: 'u1',
  cycleId: 'FY2027-Q2',
  week: '2026-W48',
  nothingChanged: false,
  updates: [
    { keyResultId: 'k-num', previousValue: 41, value: 38, confidence: 'onTrack' },
    { keyResultId: 'k-bool', previousValue: 0, value: 1, confidence: 'atRisk' },
  ],
  whatChanged: 'New sourcing channel',
  blockers: '**urgent** [click](javascript:alert(1))',
  submissionId: 's',
  submittedAt: '2026-11-23T10:00:00Z',
  updatedAt: '2026-11-23T10:00:00Z',
};

const member = (i: number, role: TeamMember['role'] = 'member', active = true): TeamMember => ({
  tenantId: 't',
  teamId: 'team-a',
  userId: `u${i}`,
  displayName: i === 1 ? '*Alex* <b>' : `Member ${i}`,
  role,
  active,
  teamsUserId: `29:user-${i}`,
  joinedAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-10-01T00:00:00Z',
});
// 70 members: more than Teams refreshes automatically; the two managers are listed last.
const crowd = [
  ...Array.from({ length: 68 }, (_, i) => member(i + 1)),
  member(90, 'manager'),
  member(91, 'owner'),
  member(92, 'member', false),
];
const digest: DigestModel = {
  teamName: 'My *Team*',
  week: '2026-W48',
  locale: 'en-US',
  members: crowd,
  checkIns: [checkIn],
  keyResults: krs.map((k) => ({ ...k, confidence: 'atRisk' as const })),
};
const refresh = { teamId: 'team-a', userIds: refreshUserIds(crowd) };

const openEpisode = {
  id: '20261123100000000',
  state: 'open' as const,
  openedAt: '2026-11-23T10:00:00Z',
  openedValue: 4.4,
};
const alert = (overrides: Partial<KpiAlertModel> = {}): KpiAlertModel => ({
  kind: 'kpiAlert',
  kpi: {
    id: 'kpi-csat',
    teamId: 'team-a',
    name: 'CSAT *[x](javascript:alert(1))*',
    unit: 'score',
    target: { min: 4.6 },
    episode: openEpisode,
  },
  status: 'breach',
  values: [4.8, 4.7, 4.6, 4.4],
  guardedObjectives: ['Delight **customers**'],
  tabLink: tabLinker({ teamsAppId: APP_ID, tabUrl: 'https://bearing.example/tab/' }),
  formatInstant: (iso) => iso.slice(0, 16),
  refreshUserIds: ['29:a', '29:b'],
  ...overrides,
});

const every: [string, unknown][] = [
  ['check-in', buildCheckInCard(model())],
  [
    'check-in with errors',
    buildCheckInCard(
      model({
        errors: { [CHECKIN_INPUTS.value('k-num')]: 'Enter a number.' },
        values: { [CHECKIN_INPUTS.value('k-num')]: 'abc' },
      }),
    ),
  ],
  ['check-in, no key results', buildCheckInCard(model({ keyResults: [] }))],
  [
    'summary',
    buildCheckInSummaryCard({
      checkIn,
      keyResults: krs,
      locale: 'en-US',
      submittedAtText: 'Mon 23 Nov, 10:00',
    }),
  ],
  [
    'summary, nothing changed',
    buildCheckInSummaryCard({
      checkIn: { ...checkIn, nothingChanged: true },
      keyResults: krs,
      locale: 'de-DE',
      submittedAtText: 'x',
    }),
  ],
  ['welcome', buildWelcomeCard()],
  ['team welcome', buildWelcomeCard('My Team')],
  ['help', buildHelpCard()],
  ['help after unknown text', buildHelpCard('do the *thing*')],
  [
    'my okrs',
    buildMyOkrsCard(
      krs.map((keyResult) => ({ keyResult, objectiveTitle: 'O', lastCheckInText: 'Mon' })),
      'en-US',
    ),
  ],
  ['my okrs, empty', buildMyOkrsCard([], 'en-US')],
  ['message', buildMessageCard('Done', 'attention')],
  ['digest', buildDigestCard(digest)],
  ['digest for the channel, with refresh', buildDigestCard(digest, { refresh })],
  [
    'digest, own view before checking in',
    buildDigestCard(digest, { refresh, viewer: { userId: 'u2', keyResults: 2 } }),
  ],
  [
    'digest, own view after checking in',
    buildDigestCard(digest, { refresh, viewer: { userId: 'u1', keyResults: 2 } }),
  ],
  ['KPI alert', buildKpiAlertCard(alert())],
  [
    'KPI alert, acknowledged, snoozed, corrective drafted',
    buildKpiAlertCard(
      alert({
        kpi: {
          ...alert().kpi,
          episode: {
            ...openEpisode,
            acknowledgedBy: { userId: 'u', name: 'Megan' },
            acknowledgedAt: '2026-11-23T11:00:00Z',
            snoozedUntil: '2026-11-24T11:00:00Z',
            correctiveObjectiveId: 'o',
          },
        },
        correctiveObjectiveTitle: 'Bring CSAT back into range',
      }),
    ),
  ],
  ['KPI escalation', buildKpiAlertCard(alert({ kind: 'kpiEscalation' }))],
  [
    'KPI back in range',
    buildKpiAlertCard(
      alert({
        kind: 'kpiRecovered',
        status: 'healthy',
        kpi: {
          ...alert().kpi,
          episode: { ...openEpisode, state: 'closed', closedAt: '2026-11-24T10:00:00Z' },
        },
      }),
    ),
  ],
  [
    'update kpi',
    buildKpiUpdateCard('team-a', [
      {
        id: 'k1',
        name: 'CSAT',
        unit: 'score',
        lastReading: { value: 4.5, at: '2026-11-23T10:00:00Z' },
      },
      { id: 'k2', name: 'Uptime', unit: '%' },
    ]),
  ],
  [
    'update kpi with an error',
    buildKpiUpdateCard('team-a', [{ id: 'k1', name: 'CSAT', unit: 'score' }], {
      error: 'Enter a number.',
      value: 'abc',
    }),
  ],
  ['update kpi, none owned', buildKpiUpdateCard('team-a', [])],
  [
    'team status',
    buildTeamStatusCard('My *Team*', '2026-W48', [
      { name: 'Alex', state: 'checkedIn' },
      { name: 'Megan', state: 'notYet' },
      { name: 'Adele', state: 'deliveryFailed', detail: 'blocked by the user (403)' },
      { name: 'Lynne', state: 'inactive' },
    ]),
  ],
];

const card15 = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...extra,
});
const execute = (title: string) => ({ type: 'Action.Execute', title, verb: 'x' });

describe('card validation harness', () => {
  it('accepts a plain 1.5 card', () => {
    expect(cardProblems(card15([{ type: 'TextBlock', text: 'Hello', wrap: true }]))).toEqual([]);
  });

  it.each([
    ['an unknown element type', card15([{ type: 'Bogus' }]), /UnknownElementType.*Bogus/],
    ['an input without its required id', card15([{ type: 'Input.Number' }]), /unique Id/],
    [
      'a choice set without choices',
      card15([{ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices: [] }]),
      /at least one choice/,
    ],
    [
      'an Action.OpenUrl without its url',
      card15([], { actions: [{ type: 'Action.OpenUrl', title: 'Open' }] }),
      /"url" must be set/,
    ],
    [
      'a 1.6-only property (labelPosition)',
      card15([{ type: 'Input.Text', id: 'a', label: 'A', labelPosition: 'inline' }]),
      /labelPosition.*1\.6.*1\.5/,
    ],
    ['a 1.6-only element (Carousel)', card15([{ type: 'Carousel', pages: [] }]), /Carousel/],
    [
      'a card that declares version 1.6',
      { ...card15([{ type: 'TextBlock', text: 'x' }]), version: '1.6' },
      /version must be "1\.5"[\s\S]*UnsupportedCardVersion/,
    ],
    [
      'a misspelt property',
      card15([{ type: 'TextBlock', text: 'x', colour: 'good' }]),
      /TextBlock\.colour is not a property/,
    ],
    [
      'an enum value the element does not have',
      card15([{ type: 'TextBlock', text: 'x', size: 'huge' }]),
      /Invalid value "huge" for property "size"/,
    ],
    [
      'more actions than the Teams host config allows',
      card15([], { actions: ['1', '2', '3', '4', '5', '6', '7'].map(execute) }),
      /Maximum number of actions exceeded \(6\)/,
    ],
    [
      'a duplicate id',
      card15([
        { type: 'Input.Text', id: 'a', label: 'A' },
        { type: 'Input.Text', id: 'a', label: 'B' },
      ]),
      /Duplicate Id "a"/,
    ],
    [
      'something that is not a card',
      { type: 'Message', body: {} },
      /"AdaptiveCard"[\s\S]*body must be an array/,
    ],
  ])('rejects %s', (_what, broken, expected) => {
    expect(cardProblems(broken).join('\n')).toMatch(expected);
  });
});

describe.each(every)('%s card', (_name, card) => {
  it('is a valid Adaptive Card 1.5 for the Teams host configs', () => {
    expect(cardProblems(card)).toEqual([]);
  });
  it('has at most two buttons; the rest are in the overflow menu', () => {
    const actions = (card as { actions?: { mode?: string }[] }).actions ?? [];
    expect(actions.filter((a) => a.mode !== 'secondary').length).toBeLessThanOrEqual(2);
  });
  it('stays well under the 80 KB payload limit and uses Action.Execute only', () => {
    const json = JSON.stringify(card);
    expect(Buffer.byteLength(json)).toBeLessThan(80 * 1024);
    expect(json).not.toMatch(/Action\.Submit/);
  });
});

describe('check-in card', () => {
  const card = buildCheckInCard(model());
  const json = JSON.stringify(card);

  it('has one input per key result of the right kind, prefilled', () => {
    expect(json).toContain('"id":"kr.k-num.value","label":"Now (days)","isRequired":true');
    expect(json).toMatch(/"id":"kr\.k-num\.value"[^}]*"value":41/);
    expect(json).toContain('"type":"Input.Toggle","id":"kr.k-bool.value"');
    expect(json).toContain('"type":"Input.ChoiceSet","id":"kr.k-ms.value"');
    expect(json).toContain('"id":"kr.k-pct.confidence"');
  });

  it('carries the context the submit handler needs on Submit and Nothing changed', () => {
    const [submit, nothing, snooze] = card.actions ?? [];
    expect(submit).toMatchObject({
      verb: 'checkin.submit',
      data: {
        teamId: 'team-a',
        week: '2026-W48',
        submissionId: 'card-00000001',
        krIds: krs.map((k) => k.id),
      },
    });
    expect(nothing).toMatchObject({ verb: 'checkin.nothingChanged' });
    expect(snooze).toMatchObject({
      verb: 'checkin.snooze',
      associatedInputs: 'none',
      mode: 'secondary',
    });
    expect(submit).not.toHaveProperty('mode');
  });

  it('shows an error next to the input and keeps what the user typed', () => {
    const withError = JSON.stringify(
      buildCheckInCard(
        model({
          errors: { [CHECKIN_INPUTS.value('k-pct')]: 'Enter a number.' },
          values: { [CHECKIN_INPUTS.value('k-pct')]: '27' },
        }),
      ),
    );
    // The value and confidence sit side by side; the message is right below the pair.
    expect(withError).toMatch(
      /"id":"kr\.k-pct\.value"[^}]*"value":27[^]*"id":"kr\.k-pct\.confidence"[^]*⚠ Enter a number\./,
    );
  });

  it('after a bad value keeps what the user typed, not the old value', () => {
    const typed = (value: string) =>
      buildCheckInCard(
        model({
          errors: { [CHECKIN_INPUTS.value('k-num')]: 'Enter a number, such as 12.5.' },
          values: { [CHECKIN_INPUTS.value('k-num')]: value },
        }),
      );
    const input = (value: string) =>
      JSON.stringify(typed(value)).match(
        /\{"type":"Input\.\w+","id":"kr\.k-num\.value"[^}]*\}/,
      )?.[0];
    expect(input('about 38')).toMatch(/"value":"about 38"/);
    expect(input('about 38')).not.toMatch(/"value":41/);
    expect(input('')).not.toMatch(/"value"/);
    expect(input('38.5')).toMatch(/"type":"Input\.Number"[^}]*"value":38\.5/);
  });

  it('labels the value input shortly, and names a shared objective once', () => {
    const shown = texts(buildCheckInCard(model()));
    expect(shown.filter((t) => t.startsWith('Objective:'))).toEqual([
      'Objective: Hire great people faster',
    ]);
    const labels = [
      ...JSON.stringify(buildCheckInCard(model())).matchAll(/"label":"([^"]*)"/g),
    ].map((m) => m[1]);
    expect(labels.filter((l) => l?.includes('Cut time to fill'))).toEqual([]);
    expect(labels).toContain('Now (days)');
  });

  it('keeps the optional questions collapsed after the values, open once one is filled in', () => {
    const notesOf = (card: ReturnType<typeof buildCheckInCard>) =>
      card.body.find((e) => e.id === 'checkin.notes');
    const card = buildCheckInCard(model());
    expect(notesOf(card)).toMatchObject({ type: 'Container', isVisible: false });
    const toggle = card.body[card.body.length - 2];
    expect(toggle).toMatchObject({
      type: 'ActionSet',
      actions: [{ type: 'Action.ToggleVisibility', targetElements: ['checkin.notes'] }],
    });
    const filled = buildCheckInCard(model({ values: { [CHECKIN_INPUTS.blockers]: 'Budget' } }));
    expect(notesOf(filled)).toMatchObject({ isVisible: true });
  });

  it('titles the week by its date', () => {
    expect(texts(buildCheckInCard(model()))[0]).toBe('Weekly check-in · week of Nov 23');
  });

  it('neutralises Markdown and card functions in key result titles', () => {
    const evil = keyResult({
      id: 'evil',
      title:
        '**Bold** [phish](https://evil.example) {{DATE(2020-01-01T00:00:00Z)}}\n# Heading\n1. list',
    });
    const shown = texts(
      buildCheckInCard(model({ keyResults: [{ keyResult: evil, objectiveTitle: '_x_' }] })),
    );
    const title = shown.find((t) => t.includes('Bold')) ?? '';
    expect(title).toBe(
      '\\*\\*Bold\\*\\* \\[phish\\](https://evil.example) {\u200B{DATE(2020-01-01T00:00:00Z)}}\n\\# Heading\n1\\. list',
    );
    expect(shown).toContain('Objective: \\_x\\_');
  });
});

describe('summary card', () => {
  const shown = texts(
    buildCheckInSummaryCard({
      checkIn,
      keyResults: krs,
      locale: 'en-US',
      submittedAtText: 'Mon 23 Nov, 10:00',
    }),
  );

  it('shows deltas with units and confidence', () => {
    expect(shown).toContain('41 days → 38 days (-3) · On track');
    expect(shown).toContain('✗ → ✓ · At risk');
  });

  it('escapes the free text people typed', () => {
    expect(shown).toContain('\\*\\*urgent\\*\\* \\[click\\](javascript:alert(1))');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['plain 4.6 and 5% stay plain', 'plain 4.6 and 5% stay plain'],
    ['- item', '\\- item'],
    ['-5% growth', '-5% growth'],
    ['2. second', '2\\. second'],
    ['a_b*c', 'a\\_b\\*c'],
    ['<b>x</b>', '\\<b\\>x\\</b\\>'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('digest card in a channel', () => {
  it('refreshes into each member’s own view for at most 60 members, managers first', () => {
    const card = buildDigestCard(digest, { refresh });
    expect(card.refresh?.userIds).toHaveLength(60);
    expect(card.refresh?.userIds?.slice(0, 2)).toEqual(['29:user-90', '29:user-91']);
    expect(card.refresh?.userIds).not.toContain('29:user-92'); // left the team
    expect(card.refresh?.action).toMatchObject({
      verb: CARD_VERBS.refresh,
      data: { view: 'digest', teamId: 'team-a', week: '2026-W48' },
    });
    expect(card.actions ?? []).toEqual([]);
  });

  it('tells a member who has not checked in and offers the check-in', () => {
    const card = buildDigestCard(digest, { refresh, viewer: { userId: 'u2', keyResults: 2 } });
    expect(texts(card)).toContain(
      'You have not checked in yet: 2 key results are waiting for you.',
    );
    expect(card.actions).toEqual([
      expect.objectContaining({
        verb: CARD_VERBS.checkInOpen,
        data: { teamId: 'team-a', week: '2026-W48' },
      }),
    ]);
  });

  it('confirms to a member who has checked in, without a button', () => {
    const card = buildDigestCard(digest, { refresh, viewer: { userId: 'u1', keyResults: 2 } });
    expect(texts(card)).toContain('✓ You checked in this week.');
    expect(card.actions ?? []).toEqual([]);
  });

  it('escapes team and member names', () => {
    const all = texts(buildDigestCard(digest)).join('\n');
    expect(all).toContain('My \\*Team\\*');
    expect(all).not.toContain('*Alex*');
  });
});

describe('KPI alert card', () => {
  it('shows value vs range, since when, a sparkline, guarded OKRs and the four actions', () => {
    const card = buildKpiAlertCard(alert());
    const all = texts(card).join('\n');
    expect(all).toContain('Now 4.4 score · target ≥ 4.6 score');
    expect(all).toContain('Out of range since 2026-11-23T10:00');
    expect(all).toContain(`Recent readings ${sparkline([4.8, 4.7, 4.6, 4.4])}`);
    expect(all).toContain('Protects the objective: Delight \\*\\*customers\\*\\*');
    expect(all).not.toContain('[x](javascript');
    // Two buttons; the rest in the overflow menu.
    expect((card.actions ?? []).map((a) => [a.title, a.mode ?? 'primary'])).toEqual([
      ['Acknowledge', 'primary'],
      ['Snooze', 'primary'],
      ['Draft corrective OKR', 'secondary'],
      ['Open in Bearing', 'secondary'],
    ]);
    expect(card.refresh?.action.data).toMatchObject({ view: 'kpiAlert', kpiId: 'kpi-csat' });
  });

  it('drops the buttons that no longer apply', () => {
    const card = buildKpiAlertCard(
      alert({
        kpi: {
          ...alert().kpi,
          episode: {
            ...openEpisode,
            acknowledgedAt: '2026-11-23T11:00:00Z',
            acknowledgedBy: { userId: 'u', name: 'Megan' },
            correctiveObjectiveId: 'o',
          },
        },
        correctiveObjectiveTitle: 'Bring CSAT back into range',
      }),
    );
    expect((card.actions ?? []).map((a) => a.title)).toEqual(['Snooze', 'Open in Bearing']);
    expect(texts(card).join('\n')).toContain('Acknowledged by Megan');
    expect(texts(card).join('\n')).toContain(
      'Draft corrective OKR created: Bring CSAT back into range',
    );
  });

  it('draws sparklines from lowest to highest', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([])).toBe('');
  });
});

describe('KPI alert card, snooze and trend', () => {
  it('shows the snooze duration with its button, not on the card', () => {
    const card = buildKpiAlertCard(alert());
    expect(JSON.stringify(card.body)).not.toContain('"duration"');
    const snooze = (card.actions ?? []).find((a) => a.title === 'Snooze');
    expect(snooze).toMatchObject({
      type: 'Action.ShowCard',
      card: {
        body: [{ type: 'Input.ChoiceSet', id: 'duration', label: 'Snooze for' }],
        actions: [
          {
            type: 'Action.Execute',
            verb: CARD_VERBS.kpiSnooze,
            data: { teamId: 'team-a', kpiId: 'kpi-csat', episodeId: openEpisode.id },
            associatedInputs: 'auto',
          },
        ],
      },
    });
  });

  it('gives the sparkline a scale and the readings as text', () => {
    const all = texts(buildKpiAlertCard(alert()));
    expect(all).toContain('▁ 4.4 score to █ 4.8 score');
    expect(all).toContain('Last 4 readings, oldest first: 4.8, 4.7, 4.6, 4.4.');
  });
});

describe('links into the tab', () => {
  const urlOf = (card: ReturnType<typeof buildKpiAlertCard>, title: string) =>
    (card.actions ?? []).flatMap((a) =>
      a.type === 'Action.OpenUrl' && a.title === title ? [a.url] : [],
    )[0];
  const drafted = alert({
    kpi: { ...alert().kpi, episode: { ...openEpisode, correctiveObjectiveId: 'corrective-k-e' } },
    correctiveObjectiveTitle: 'Bring CSAT back into range',
    corrective: { cycleId: 'FY2027-Q2', keyResultId: 'corrective-k-e-kr' },
  });

  it('"Open in Bearing" is a Teams deep link to the KPI on the team’s dashboard', () => {
    const link = readTabDeepLink(urlOf(buildKpiAlertCard(alert()), 'Open in Bearing') ?? '');
    expect(link).toMatchObject({ appId: APP_ID, entityId: 'myOkrs' });
    expect(decodeTabContext(link?.subEntityId)).toEqual({
      view: 'dashboard',
      teamId: 'team-a',
      kpiId: 'kpi-csat',
    });
  });

  it('the drafted corrective OKR links to its key result in the alignment view', () => {
    const card = buildKpiAlertCard(drafted);
    expect(texts(card).join('\n')).toContain('Draft corrective OKR created');
    const link = readTabDeepLink(urlOf(card, 'Open the draft') ?? '');
    expect(link).toMatchObject({ appId: APP_ID, entityId: 'myOkrs' });
    expect(decodeTabContext(link?.subEntityId)).toEqual({
      view: 'alignment',
      teamId: 'team-a',
      cycleId: 'FY2027-Q2',
      keyResultId: 'corrective-k-e-kr',
    });
    expect((card.actions ?? []).map((a) => a.title)).toEqual([
      'Acknowledge',
      'Snooze',
      'Open the draft',
      'Open in Bearing',
    ]);
  });

  it('in local mode (no Teams app id) links to this machine’s tab with the same context', () => {
    const local = tabLinker({ tabUrl: 'http://localhost:3978/tab/' });
    const card = buildKpiAlertCard(alert({ tabLink: local }));
    const url = urlOf(card, 'Open in Bearing') ?? '';
    expect(url).toBe('http://localhost:3978/tab/?view=dashboard&teamId=team-a&kpi=kpi-csat');
    expect(decodeTabContext(new URL(url).search)).toEqual({
      view: 'dashboard',
      teamId: 'team-a',
      kpiId: 'kpi-csat',
    });
  });

  const link = tabLinker({ teamsAppId: APP_ID, tabUrl: 'https://bearing.example/tab/' });
  const contextOf = (url: string | undefined) =>
    decodeTabContext(readTabDeepLink(url ?? '')?.subEntityId);

  it('"Open in Bearing" on My OKRs opens the user’s own view of the team and cycle', () => {
    const card = buildMyOkrsCard([], 'en-US', { link, teamId: 'team-a', cycleId: 'FY2027-Q2' });
    const open = (card.actions ?? []).find((a) => a.title === 'Open in Bearing');
    expect(open?.type).toBe('Action.OpenUrl');
    expect(contextOf(open?.type === 'Action.OpenUrl' ? open.url : undefined)).toEqual({
      view: 'personal',
      teamId: 'team-a',
      cycleId: 'FY2027-Q2',
    });
  });

  it('"Open in Bearing" on the digest opens the team’s dashboard', () => {
    const card = buildDigestCard(digest, { refresh, tabLink: link });
    const open = (card.actions ?? []).find((a) => a.title === 'Open in Bearing');
    expect(contextOf(open?.type === 'Action.OpenUrl' ? open.url : undefined)).toEqual({
      view: 'dashboard',
      teamId: 'team-a',
    });
  });

  it('uses the personal tab the manifest declares', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '../../../appPackage/manifest.json'), 'utf8'),
    ) as { staticTabs: { entityId: string; contentUrl?: string }[] };
    const tab = manifest.staticTabs.find((t) => t.entityId === PERSONAL_TAB_ENTITY_ID);
    expect(tab?.contentUrl).toMatch(/\/tab\//);
  });
});
