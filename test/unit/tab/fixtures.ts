import type {
  CycleCloseResponse,
  KeyResultSavedResponse,
  KeyResultView,
  MyCheckInResponse,
  KpiView,
  MeResponse,
  ObjectiveView,
  TeamViewResponse,
} from '@bearing/core';
import type {
  MeetingAgenda,
  MyOkrs,
  TeamDashboard,
  TeamSettingsView,
} from '../../../tab/src/api/views';
import { cycleById, cycleChoices } from '@bearing/core';

const CYCLE = {
  id: 'FY2027-Q2',
  kind: 'quarter' as const,
  name: 'FY2027 Q2',
  start: '2026-10-01',
  end: '2026-12-31',
};

// What the fake API answers in the tab's component tests: the demo team's views, small and
// consistent with each other, each overridable per test.
export const TEAM_ID = '00000000-0000-0000-0000-000000000031';

export function meFixture(role: 'owner' | 'manager' | 'member' = 'owner'): MeResponse {
  return {
    userId: '00000000-0000-0000-0000-000000000020',
    tenantId: '00000000-0000-0000-0000-000000000001',
    displayName: 'Alex Wilber',
    identitySource: 'local',
    teams: [{ id: TEAM_ID, name: 'My Team', role }],
  };
}

export function keyResult(overrides: Partial<KeyResultView> = {}): KeyResultView {
  return {
    id: 'kr-engagement',
    objectiveId: 'obj-engagement',
    cycleId: 'FY2027-Q2',
    title: 'Raise the engagement score from 7.2 to 8.5',
    type: 'number',
    unit: 'points',
    baseline: 7.2,
    target: 8.5,
    current: 7.6,
    direction: 'increase',
    progress: 0.31,
    confidence: 'onTrack',
    ownerId: 'u-alex',
    ownerName: 'Alex Wilber',
    lastCheckInAt: '2026-11-16T09:00:00Z',
    etag: '"kr-1"',
    ...overrides,
  };
}

export function objective(overrides: Partial<ObjectiveView> & { id: string }): ObjectiveView {
  return {
    title: overrides.id,
    cycleId: 'FY2027-Q2',
    level: 'team',
    status: 'active',
    ownerId: 'u-alex',
    ownerName: 'Alex Wilber',
    parentIds: [],
    aligned: true,
    progress: 0.4,
    keyResults: [],
    guardrails: [],
    warnings: [],
    etag: `"${overrides.id}"`,
    ...overrides,
  };
}

/** The demo team's view: two company objectives, one objective aligned to both, one unaligned. */
export function teamView(overrides: Partial<TeamViewResponse> = {}): TeamViewResponse {
  return {
    team: { id: TEAM_ID, name: 'My Team', etag: '"team"' },
    cycle: CYCLE,
    // The picker's choices as the server lists them (July fiscal start, as the demo organisation).
    cycles: cycleChoices(cycleById('FY2027-Q2', 7)!, 7).map(({ id, kind, name, start, end }) => ({
      id,
      kind,
      name,
      start,
      end,
    })),
    progress: 0.42,
    companyObjectives: [
      {
        id: 'obj-company-people',
        title: 'Be the place great people choose',
        cycleId: 'FY2027-Q2',
        progress: 0.4,
      },
      {
        id: 'obj-company-growth',
        title: 'Grow a business our customers love',
        cycleId: 'FY2027-Q2',
        progress: 0.3,
      },
    ],
    objectives: [
      objective({
        id: 'obj-engagement',
        title: 'Make My Team a place people want to stay',
        parentIds: ['obj-company-people', 'obj-company-growth'],
        confidence: 'atRisk',
        keyResults: [
          keyResult(),
          keyResult({
            id: 'kr-turnover',
            title: 'Cut voluntary turnover from 14% to 9%',
            type: 'percent',
            unit: '%',
            baseline: 14,
            target: 9,
            current: 12.5,
            direction: 'decrease',
            confidence: 'atRisk',
            ownerName: 'Megan Bowen',
            etag: '"kr-2"',
          }),
        ],
        guardrails: [{ kpiId: 'kpi-enps', name: 'eNPS', status: 'healthy' }],
      }),
      objective({
        id: 'obj-side-project',
        title: 'Refresh the team wiki',
        aligned: false,
        keyResults: [
          keyResult({
            id: 'kr-wiki',
            objectiveId: 'obj-side-project',
            title: 'Rewrite 10 wiki pages',
            confidence: 'offTrack',
            lastCheckInAt: undefined,
            etag: '"kr-3"',
          }),
        ],
        warnings: [
          {
            code: 'LINT.UNALIGNED',
            severity: 'warning',
            message: 'This objective is not aligned to any company objective.',
            objectiveId: 'obj-side-project',
          },
        ],
      }),
    ],
    kpis: [],
    warnings: [],
    members: [],
    week: '2026-W47',
    checkInCompletion: 0.5,
    ...overrides,
  };
}

const person = (userId: string, displayName: string) => ({ userId, displayName });
const withObjective = (
  kr: KeyResultView,
  objectiveTitle = 'Make My Team a place people want to stay',
) => ({
  ...kr,
  objectiveTitle,
});

/** This week's agenda of My Team: one of each kind of note, one at-risk KR, one KPI alert. */
export function agendaFixture(overrides: Partial<MeetingAgenda> = {}): MeetingAgenda {
  const note = (
    userId: string,
    name: string,
    text: string,
    krs: { id: string; title: string }[] = [],
  ) => ({
    author: person(userId, name),
    text,
    keyResults: krs,
    submittedAt: '2026-11-17T09:00:00Z',
    since: '2026-W47',
  });
  return {
    team: { id: TEAM_ID, name: 'My Team' },
    cycle: CYCLE,
    week: '2026-W47',
    notesWeek: '2026-W47',
    timeZone: 'Europe/London',
    changes: [
      note('u-megan', 'Megan Bowen', 'Two offers accepted', [
        { id: 'kr-offer-acceptance', title: 'Raise offer acceptance from 70% to 85%' },
      ]),
    ],
    blockers: [note('u-isaiah', 'Isaiah Langer', 'Flaky deploys eat a day a week')],
    decisions: [note('u-alex', 'Alex Wilber', 'Pause feature work for one sprint?')],
    openItems: [
      openItem('blocker', 'u-isaiah', 'Isaiah Langer', 'Flaky deploys eat a day a week', 1),
      openItem('decision', 'u-alex', 'Alex Wilber', 'Pause feature work for one sprint?', 0),
    ],
    notCheckedIn: [],
    canManage: true,
    atRisk: [
      withObjective(
        keyResult({ id: 'kr-turnover', title: 'Cut voluntary turnover', confidence: 'atRisk' }),
      ),
    ],
    kpiAlerts: [{ kpi: kpiFixture() }],
    checkInCompletion: { week: '2026-W47', expected: 6, done: 4 },
    ...overrides,
  };
}

export function kpiFixture(overrides: Partial<KpiView> = {}): KpiView {
  return {
    id: 'kpi-uptime',
    name: 'Uptime',
    unit: '%',
    direction: 'higherIsBetter',
    updateFrequency: 'daily',
    target: { min: 99.9 },
    ownerId: 'u-isaiah',
    status: 'breach',
    trend: 'worsening',
    trendingToBreach: false,
    lastReading: { value: 99.2, at: '2026-11-20T08:00:00Z' },
    guardsObjectiveIds: ['obj-delivery'],
    etag: '"kpi-1"',
    ...overrides,
  };
}

const gauge = (kpi: KpiView) => ({
  kpi,
  range: kpi.target,
  warningMargin: 0.05,
  readings: kpi.lastReading ? [kpi.lastReading] : [],
  status: kpi.status,
});

export function dashboardFixture(overrides: Partial<TeamDashboard> = {}): TeamDashboard {
  return {
    team: { id: TEAM_ID, name: 'My Team' },
    cycle: CYCLE,
    week: '2026-W47',
    progress: 0.42,
    keyResults: [
      {
        ...withObjective(keyResult()),
        points: [
          { week: '2026-W45', value: 7.2, progress: 0, confidence: 'onTrack' },
          { week: '2026-W46', value: 7.4, progress: 0.15, confidence: 'onTrack' },
          { week: '2026-W47', value: 7.6, progress: 0.31, confidence: 'onTrack' },
        ],
      },
    ],
    checkInCompletion: [
      { week: '2026-W46', expected: 5, done: 4 },
      { week: '2026-W47', expected: 6, done: 3 },
    ],
    kpis: [
      gauge(kpiFixture()),
      gauge(
        kpiFixture({
          id: 'kpi-enps',
          name: 'eNPS',
          unit: '',
          status: 'healthy',
          trend: 'improving',
          target: { min: 30, max: 80 },
          lastReading: { value: 41, at: '2026-11-18T08:00:00Z' },
        }),
      ),
    ],
    atRisk: [
      withObjective(
        keyResult({ id: 'kr-turnover', title: 'Cut voluntary turnover', confidence: 'offTrack' }),
      ),
    ],
    ...overrides,
  };
}

/** An open item of the agenda fixture (`ageWeeks` 0: raised this week, 2026-W47). */
export function openItem(
  kind: 'blocker' | 'decision',
  userId: string,
  name: string,
  text: string,
  ageWeeks: number,
): MeetingAgenda['openItems'][number] {
  const week = ageWeeks === 0 ? '2026-W47' : '2026-W46';
  return {
    id: `${kind}.${userId}.${week}`,
    kind,
    text,
    author: person(userId, name),
    keyResults: [],
    cycleId: 'FY2027-Q2',
    createdWeek: week,
    createdAt: ageWeeks === 0 ? '2026-11-17T09:00:00Z' : '2026-11-10T09:00:00Z',
    ageWeeks,
    isNew: ageWeeks === 0,
    status: 'open',
  };
}

type MyTeam = MyOkrs['teams'][number];

export function myTeamFixture(overrides: Partial<MyTeam> = {}): MyTeam {
  return {
    team: { id: TEAM_ID, name: 'My Team', role: 'owner' },
    cycle: CYCLE,
    week: '2026-W47',
    keyResults: [{ ...withObjective(keyResult()), points: [] }],
    openItems: [],
    checkIns: [
      {
        teamId: TEAM_ID,
        cycleId: 'FY2027-Q2',
        week: '2026-W46',
        submittedAt: '2026-11-16T09:00:00Z',
        nothingChanged: false,
        updates: [
          { keyResultId: 'kr-engagement', previousValue: 7.2, value: 7.4, confidence: 'onTrack' },
        ],
        blockers: 'Survey tool licence expired',
      },
    ],
    ...overrides,
  };
}

export function myOkrsFixture(teams: MyTeam[] = [myTeamFixture()]): MyOkrs {
  return { userId: 'u-alex', teams };
}

export function settingsFixture(overrides: Partial<TeamSettingsView> = {}): TeamSettingsView {
  return {
    teamId: TEAM_ID,
    etag: '"settings-1"',
    checkInDay: 1,
    checkInTime: '09:00',
    timeZone: 'Europe/London',
    reminderOffsetMinutes: 240,
    digestDay: 5,
    digestTime: '16:00',
    kpiEscalationMinutes: 60,
    missedCheckInWeeks: 2,
    canEdit: true,
    ...overrides,
  };
}

/** The close preview of FY2027 Q2 for the team view fixture's key results. */
export function closePreviewFixture(
  overrides: Partial<CycleCloseResponse> = {},
): CycleCloseResponse {
  return {
    cycle: CYCLE,
    nextCycle: {
      id: 'FY2027-Q3',
      kind: 'quarter',
      name: 'FY2027 Q3',
      start: '2027-01-01',
      end: '2027-03-31',
    },
    closed: false,
    objectives: [
      {
        objectiveId: 'obj-engagement',
        title: 'Make My Team a place people want to stay',
        closes: true,
        status: 'active',
        keyResults: [
          {
            keyResultId: 'kr-engagement',
            title: 'Raise the engagement score from 7.2 to 8.5',
            progress: 0.31,
            suggestedScore: 0.3,
          },
          {
            keyResultId: 'kr-turnover',
            title: 'Cut voluntary turnover from 14% to 9%',
            progress: 0.3,
            suggestedScore: 0.3,
          },
        ],
      },
      {
        objectiveId: 'obj-side-project',
        title: 'Refresh the team wiki',
        closes: true,
        status: 'active',
        keyResults: [
          {
            keyResultId: 'kr-wiki',
            title: 'Rewrite 10 wiki pages',
            progress: 0.31,
            suggestedScore: 0.3,
          },
        ],
      },
    ],
    carriedOver: [],
    ...overrides,
  };
}

/** What the server answers after creating or archiving a key result (with lint hints). */
export function savedKeyResult(
  overrides: Partial<KeyResultSavedResponse> = {},
): KeyResultSavedResponse {
  return { ...keyResult(), warnings: [], ...overrides };
}

/** What `POST /me/check-ins` answers: the stored check-in and the key results after it. */
export function myCheckInAnswer(overrides: Partial<MyCheckInResponse> = {}): MyCheckInResponse {
  return {
    checkIn: {
      teamId: TEAM_ID,
      cycleId: 'FY2027-Q2',
      week: '2026-W47',
      submittedAt: '2026-11-23T09:00:00Z',
      nothingChanged: false,
      updates: [
        { keyResultId: 'kr-engagement', previousValue: 7.6, value: 7.9, confidence: 'atRisk' },
      ],
    },
    replayed: false,
    keyResults: [keyResult({ current: 7.9, confidence: 'atRisk' })],
    ...overrides,
  };
}
