import type {
  CheckIn,
  Confidence,
  Cycle,
  KeyResult,
  Kpi,
  KpiReading,
  Objective,
  Organization,
  Team,
  TeamMember,
} from '@bearing/core';
import { DEFAULT_TEAM_SETTINGS } from '@bearing/core';

/**
 * The demo organisation seeded in local mode. Tenant, users and team are the Agents Playground's
 * defaults (SPEC.md), so chatting in the Playground as Alex is checking in as a real team member.
 */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const DEMO_TEAM_ID = '00000000-0000-0000-0000-000000000031';

export const DEMO_USERS = [
  {
    userId: '00000000-0000-0000-0000-0000000000020',
    name: 'Alex Wilber',
    timeZone: 'America/Los_Angeles',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000021',
    name: 'Megan Bowen',
    timeZone: 'Europe/London',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000022',
    name: 'Adele Vance',
    timeZone: 'Europe/Berlin',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000023',
    name: 'Isaiah Langer',
    timeZone: 'America/New_York',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000024',
    name: 'Patti Fernandez',
    timeZone: 'Asia/Kolkata',
  },
  {
    userId: '00000000-0000-0000-0000-0000000000025',
    name: 'Lynne Robbins',
    timeZone: 'Australia/Sydney',
  },
] as const;

const [ALEX, MEGAN, ADELE, ISAIAH, PATTI, LYNNE] = DEMO_USERS.map((u) => u.userId);

/** Everything the demo organisation consists of, ready to store. */
export interface DemoOrganization {
  readonly organization: Organization;
  readonly team: Team;
  readonly members: readonly TeamMember[];
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
  readonly kpis: readonly Kpi[];
  readonly readings: readonly KpiReading[];
  readonly checkIns: readonly CheckIn[];
}

interface KrSeed {
  id: string;
  objectiveId: string;
  title: string;
  type: KeyResult['type'];
  unit?: string;
  baseline: number;
  target: number;
  current: number;
  ownerId: string;
  confidence: Confidence;
}

const DAY = 24 * 60 * 60 * 1000;

/** Builds the demo organisation for the cycle containing `now` (pure: same input, same output). */
export function buildDemoOrganization(
  now: Date,
  cycle: Cycle,
  pastWeeks: readonly string[],
): DemoOrganization {
  const at = now.toISOString();
  const tenantId = DEMO_TENANT_ID;
  const teamId = DEMO_TEAM_ID;
  const stamp = { createdAt: at, updatedAt: at };

  const organization: Organization = {
    tenantId,
    name: 'Contoso (demo)',
    fiscalStartMonth: 7,
    defaultTimeZone: 'America/Los_Angeles',
    ...stamp,
  };
  const team: Team = {
    tenantId,
    id: teamId,
    name: 'My Team',
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: 'America/Los_Angeles' },
    ...stamp,
  };
  const members: TeamMember[] = DEMO_USERS.map((u, i) => ({
    tenantId,
    teamId,
    userId: u.userId,
    displayName: u.name,
    role: i === 0 ? 'owner' : 'member',
    active: true,
    timeZone: u.timeZone,
    locale: 'en-US',
    joinedAt: at,
    updatedAt: at,
  }));

  const objective = (
    id: string,
    level: Objective['level'],
    title: string,
    ownerId: string,
    parentIds: string[] = [],
    kpiIds?: string[],
  ): Objective => ({
    tenantId,
    id,
    teamId: level === 'company' ? null : teamId,
    cycleId: cycle.id,
    level,
    title,
    ownerId,
    parentIds,
    status: 'active',
    ...(kpiIds ? { kpiIds } : {}),
    ...stamp,
  });
  const objectives: Objective[] = [
    objective(
      'obj-company-people',
      'company',
      'Be the place great people choose to build their careers',
      ALEX,
    ),
    objective('obj-company-growth', 'company', 'Grow a business our customers love', ALEX),
    objective('obj-engagement', 'team', 'Make My Team a place people want to stay', ALEX, [
      'obj-company-people',
    ]),
    objective('obj-hiring', 'team', 'Hire great people faster', MEGAN, ['obj-company-people']),
    objective('obj-ai-growth', 'team', 'Win customers with AI-powered features', ADELE, [
      'obj-company-growth',
    ]),
    objective('obj-delivery', 'team', 'Ship changes faster without breaking things', ISAIAH, [
      'obj-company-growth',
    ]),
  ];

  const krSeeds: KrSeed[] = [
    {
      id: 'kr-engagement',
      objectiveId: 'obj-engagement',
      title: 'Raise the engagement score from 7.2 to 8.5',
      type: 'number',
      unit: 'points',
      baseline: 7.2,
      target: 8.5,
      current: 7.6,
      ownerId: ALEX,
      confidence: 'onTrack',
    },
    {
      id: 'kr-turnover',
      objectiveId: 'obj-engagement',
      title: 'Cut voluntary turnover from 14% to 9%',
      type: 'percent',
      unit: '%',
      baseline: 14,
      target: 9,
      current: 12.5,
      ownerId: ALEX,
      confidence: 'atRisk',
    },
    {
      id: 'kr-enps',
      objectiveId: 'obj-engagement',
      title: 'Lift eNPS from +32 to +50',
      type: 'number',
      unit: 'eNPS',
      baseline: 32,
      target: 50,
      current: 38,
      ownerId: LYNNE,
      confidence: 'onTrack',
    },
    {
      id: 'kr-time-to-fill',
      objectiveId: 'obj-hiring',
      title: 'Cut time to fill from 48 to 30 days',
      type: 'number',
      unit: 'days',
      baseline: 48,
      target: 30,
      current: 41,
      ownerId: MEGAN,
      confidence: 'onTrack',
    },
    {
      id: 'kr-offer-acceptance',
      objectiveId: 'obj-hiring',
      title: 'Raise offer acceptance from 70% to 85%',
      type: 'percent',
      unit: '%',
      baseline: 70,
      target: 85,
      current: 74,
      ownerId: PATTI,
      confidence: 'atRisk',
    },
    {
      id: 'kr-mrr',
      objectiveId: 'obj-ai-growth',
      title: 'Grow MRR from $120k to $150k',
      type: 'currency',
      unit: 'USD',
      baseline: 120000,
      target: 150000,
      current: 131000,
      ownerId: ADELE,
      confidence: 'onTrack',
    },
    {
      id: 'kr-ai-features',
      objectiveId: 'obj-ai-growth',
      title: 'Get 3 AI features used weekly by 40% of active accounts',
      type: 'number',
      unit: 'features',
      baseline: 0,
      target: 3,
      current: 1,
      ownerId: ALEX,
      confidence: 'offTrack',
    },
    {
      id: 'kr-deploy-time',
      objectiveId: 'obj-delivery',
      title: 'Cut deployment time from 45 to 15 minutes',
      type: 'number',
      unit: 'min',
      baseline: 45,
      target: 15,
      current: 32,
      ownerId: ISAIAH,
      confidence: 'atRisk',
    },
    {
      id: 'kr-uptime',
      objectiveId: 'obj-delivery',
      title: 'Keep uptime at 99.9% or better while deploying twice as often',
      type: 'percent',
      unit: '%',
      baseline: 99.5,
      target: 99.9,
      current: 99.85,
      ownerId: ISAIAH,
      confidence: 'onTrack',
    },
  ];
  const lastCheckIn = new Date(now.getTime() - 6 * DAY).toISOString();
  const keyResults: KeyResult[] = krSeeds.map((k) => ({
    tenantId,
    teamId,
    cycleId: cycle.id,
    direction: k.target >= k.baseline ? 'increase' : 'decrease',
    status: 'active',
    lastCheckInAt: k.ownerId === PATTI ? undefined : lastCheckIn,
    ...k,
    ...stamp,
  }));

  const kpi = (
    k: Omit<Kpi, 'tenantId' | 'teamId' | 'status' | 'createdAt' | 'updatedAt'>,
  ): Kpi => ({
    tenantId,
    teamId,
    status: 'active',
    ...k,
    ...stamp,
  });
  const kpis: Kpi[] = [
    kpi({
      id: 'kpi-uptime',
      name: 'Uptime',
      formula: 'successful probe minutes / total minutes',
      dataSource: 'Status page probes',
      updateFrequency: 'daily',
      unit: '%',
      direction: 'higherIsBetter',
      target: { min: 99.9 },
      warningMargin: 0.03,
      ownerId: ISAIAH,
      guardsObjectiveIds: ['obj-delivery'],
    }),
    kpi({
      id: 'kpi-csat',
      name: 'CSAT',
      formula: 'mean of post-ticket survey scores (1–5)',
      dataSource: 'Support desk surveys',
      updateFrequency: 'weekly',
      unit: 'score',
      direction: 'higherIsBetter',
      target: { min: 4.6 },
      warningMargin: 0.1,
      ownerId: ADELE,
      guardsObjectiveIds: ['obj-ai-growth'],
    }),
    kpi({
      id: 'kpi-enps',
      name: 'eNPS',
      formula: '% promoters − % detractors',
      dataSource: 'Quarterly pulse survey',
      updateFrequency: 'monthly',
      unit: 'eNPS',
      direction: 'higherIsBetter',
      target: { min: 50 },
      warningMargin: 5,
      ownerId: LYNNE,
      guardsObjectiveIds: [],
      movedByObjectiveId: 'obj-engagement',
    }),
    kpi({
      id: 'kpi-turnover',
      name: 'Voluntary turnover',
      formula: 'voluntary leavers in last 12 months / average headcount',
      dataSource: 'HR system',
      updateFrequency: 'monthly',
      unit: '%',
      direction: 'lowerIsBetter',
      target: { max: 10 },
      warningMargin: 1,
      ownerId: MEGAN,
      guardsObjectiveIds: ['obj-hiring'],
    }),
    kpi({
      id: 'kpi-mrr-growth',
      name: 'MRR growth',
      formula: '(MRR this month − MRR last month) / MRR last month',
      dataSource: 'Billing',
      updateFrequency: 'monthly',
      unit: '%',
      direction: 'higherIsBetter',
      target: { min: 3 },
      warningMargin: 0.5,
      ownerId: ADELE,
      guardsObjectiveIds: [],
    }),
    kpi({
      id: 'kpi-time-to-fill',
      name: 'Time to fill',
      formula: 'median days from requisition open to offer accepted',
      dataSource: 'Applicant tracking system',
      updateFrequency: 'weekly',
      unit: 'days',
      direction: 'lowerIsBetter',
      target: { max: 45 },
      warningMargin: 3,
      ownerId: MEGAN,
      guardsObjectiveIds: [],
    }),
  ];

  // Recent readings: CSAT drifts down toward its floor so the demo shows a trend warning.
  const series: Record<string, { stepDays: number; values: number[] }> = {
    'kpi-uptime': { stepDays: 1, values: [99.97, 99.95, 99.96, 99.92, 99.94, 99.95, 99.93] },
    'kpi-csat': { stepDays: 7, values: [4.82, 4.78, 4.75, 4.71, 4.68, 4.66] },
    'kpi-enps': { stepDays: 30, values: [28, 32, 35, 38] },
    'kpi-turnover': { stepDays: 30, values: [14, 13.6, 13.1, 12.5] },
    'kpi-mrr-growth': { stepDays: 30, values: [4.1, 3.8, 4.4, 3.9] },
    'kpi-time-to-fill': { stepDays: 7, values: [48, 46, 44, 43, 41] },
  };
  const readings: KpiReading[] = [];
  const lastReading = new Map<string, { value: number; at: string }>();
  for (const [kpiId, { stepDays, values }] of Object.entries(series)) {
    values.forEach((value, i) => {
      const readingAt = new Date(
        now.getTime() - (values.length - 1 - i) * stepDays * DAY - DAY / 2,
      );
      const iso = readingAt.toISOString();
      readings.push({
        tenantId,
        kpiId,
        id: `demo-${i}`,
        value,
        at: iso,
        receivedAt: iso,
        source: 'api',
      });
      lastReading.set(kpiId, { value, at: iso });
    });
  }
  const kpisWithLast = kpis.map((k) => ({ ...k, lastReading: lastReading.get(k.id) }));

  // Last week's check-ins from most of the team (Patti missed it: shows up as drift).
  const checkIns: CheckIn[] = [];
  const lastWeek = pastWeeks[pastWeeks.length - 1];
  if (lastWeek) {
    for (const userId of [ALEX, MEGAN, ADELE, ISAIAH, LYNNE]) {
      const owned = keyResults.filter((k) => k.ownerId === userId);
      checkIns.push({
        tenantId,
        teamId,
        userId,
        cycleId: cycle.id,
        week: lastWeek,
        updates: owned.map((k) => ({
          keyResultId: k.id,
          previousValue: k.baseline,
          value: k.current,
          confidence: k.confidence,
        })),
        nothingChanged: false,
        whatChanged:
          userId === ISAIAH
            ? 'Parallelised the test stage; deploys are 13 minutes faster.'
            : undefined,
        blockers:
          userId === ADELE ? 'Waiting on legal review of the AI data-processing terms.' : undefined,
        decisionNeeded:
          userId === ALEX
            ? 'Do we pause feature work for one sprint to fix flaky deploys?'
            : undefined,
        submissionId: `demo-${lastWeek}-${userId}`,
        submittedAt: lastCheckIn,
        updatedAt: lastCheckIn,
      });
    }
  }

  return {
    organization,
    team,
    members,
    objectives,
    keyResults,
    kpis: kpisWithLast,
    readings,
    checkIns,
  };
}
