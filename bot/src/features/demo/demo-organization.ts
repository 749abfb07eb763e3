import {
  type CheckIn,
  type Cycle,
  type KeyResult,
  type Kpi,
  type KpiReading,
  type Objective,
  type Organization,
  type Team,
  type TeamMember,
  type TeamRole,
  addWeeks,
  DEFAULT_TEAM_SETTINGS,
  isoWeek,
} from '@bearing/core';
import demoJson from './demo-data.json';

/**
 * The demo organisation seeded in local mode. Tenant, users and team are the Agents Playground's
 * defaults (SPEC.md), so chatting in the Playground as Alex is checking in as a real team member.
 * The content lives in demo-data.json; this file turns it into domain objects for a given week.
 */
interface DemoData {
  tenantId: string;
  organizationName: string;
  fiscalStartMonth: number;
  timeZone: string;
  team: { id: string; name: string };
  users: { userId: string; name: string; timeZone: string; role: TeamRole }[];
  objectives: (Pick<Objective, 'id' | 'level' | 'title'> & {
    owner: string;
    parents: string[];
    kpiIds?: string[];
  })[];
  keyResults: (Pick<
    KeyResult,
    | 'id'
    | 'objectiveId'
    | 'type'
    | 'unit'
    | 'baseline'
    | 'target'
    | 'current'
    | 'confidence'
    | 'title'
  > & { owner: string })[];
  kpis: (Pick<
    Kpi,
    | 'id'
    | 'name'
    | 'formula'
    | 'dataSource'
    | 'updateFrequency'
    | 'unit'
    | 'direction'
    | 'target'
    | 'warningMargin'
  > & {
    owner: string;
    guards: string[];
    movedBy?: string;
    readingEveryDays: number;
    readings: number[];
  })[];
  lastWeekCheckIns: {
    owner: string;
    whatChanged?: string;
    blockers?: string;
    decisionNeeded?: string;
  }[];
}

const demo = demoJson as unknown as DemoData;

export const DEMO_TENANT_ID = demo.tenantId;
export const DEMO_TEAM_ID = demo.team.id;
export const DEMO_FISCAL_START_MONTH = demo.fiscalStartMonth;
export const DEMO_TIME_ZONE = demo.timeZone;
export const DEMO_USERS: readonly { readonly userId: string; readonly name: string }[] = demo.users;

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

const DAY = 24 * 60 * 60 * 1000;

function userIdOf(name: string): string {
  const user = demo.users.find((u) => u.name === name);
  if (!user) throw new Error(`demo-data.json names an unknown user: ${name}`);
  return user.userId;
}

/** Builds the demo organisation for `cycle`, with last week's check-ins in `lastWeek` (pure). */
export function buildDemoOrganization(now: Date, cycle: Cycle, lastWeek: string): DemoOrganization {
  const at = now.toISOString();
  const { tenantId } = demo;
  const teamId = demo.team.id;
  const stamp = { createdAt: at, updatedAt: at };
  const lastCheckInAt = new Date(now.getTime() - 6 * DAY).toISOString();

  const organization: Organization = {
    tenantId,
    name: demo.organizationName,
    fiscalStartMonth: demo.fiscalStartMonth,
    defaultTimeZone: demo.timeZone,
    ...stamp,
  };
  const team: Team = {
    tenantId,
    id: teamId,
    name: demo.team.name,
    settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: demo.timeZone },
    ...stamp,
  };
  const members: TeamMember[] = demo.users.map((u) => ({
    tenantId,
    teamId,
    userId: u.userId,
    displayName: u.name,
    role: u.role,
    active: true,
    timeZone: u.timeZone,
    locale: 'en-US',
    joinedAt: at,
    updatedAt: at,
  }));
  const objectives: Objective[] = demo.objectives.map(({ owner, parents, ...o }) => ({
    ...o,
    tenantId,
    teamId: o.level === 'company' ? null : teamId,
    cycleId: cycle.id,
    ownerId: userIdOf(owner),
    parentIds: parents,
    status: 'active',
    ...stamp,
  }));
  const keyResults: KeyResult[] = demo.keyResults.map(({ owner, ...k }) => ({
    ...k,
    tenantId,
    teamId,
    cycleId: cycle.id,
    direction: k.target >= k.baseline ? 'increase' : 'decrease',
    ownerId: userIdOf(owner),
    status: 'active',
    // Patti skipped last week's check-in, so her key result shows up as drifting.
    ...(owner === 'Patti Fernandez' ? {} : { lastCheckInAt }),
    ...stamp,
  }));

  const readings: KpiReading[] = [];
  const kpis: Kpi[] = demo.kpis.map(
    ({ owner, guards, movedBy, readingEveryDays, readings: values, ...k }) => {
      const series = values.map((value, i): KpiReading => {
        const when = new Date(
          now.getTime() - ((values.length - 1 - i) * readingEveryDays + 0.5) * DAY,
        );
        const iso = when.toISOString();
        return {
          tenantId,
          kpiId: k.id,
          id: `demo-${i}`,
          value,
          at: iso,
          receivedAt: iso,
          source: 'api',
        };
      });
      readings.push(...series);
      const last = series[series.length - 1];
      return {
        ...k,
        tenantId,
        teamId,
        ownerId: userIdOf(owner),
        guardsObjectiveIds: guards,
        ...(movedBy ? { movedByObjectiveId: movedBy } : {}),
        status: 'active',
        ...(last ? { lastReading: { value: last.value, at: last.at } } : {}),
        ...stamp,
      };
    },
  );

  // Last week's check-ins with their notes, and up to three earlier weeks of this cycle in which
  // values climbed from the baseline, with a member or two missing, so the dashboard has history.
  const firstWeek = isoWeek(`${cycle.start}T12:00:00Z`, 'UTC');
  const weeks = [-3, -2, -1, 0].map((n) => addWeeks(lastWeek, n)).filter((w) => w >= firstWeek);
  const valueIn = (k: KeyResult, step: number) =>
    step < 0
      ? k.baseline
      : step === weeks.length - 1
        ? k.current
        : Math.round((k.baseline + ((k.current - k.baseline) * (step + 1)) / weeks.length) * 10) /
          10;
  const checkIns: CheckIn[] = weeks.flatMap((week, step) => {
    const last = week === lastWeek;
    const submittedAt = new Date(
      Date.parse(lastCheckInAt) - (weeks.length - 1 - step) * 7 * DAY,
    ).toISOString();
    return demo.lastWeekCheckIns
      .filter((_, i) => last || i < demo.lastWeekCheckIns.length - (weeks.length - 1 - step))
      .map(({ owner, ...text }) => {
        const userId = userIdOf(owner);
        const owned = keyResults.filter((k) => k.ownerId === userId);
        return {
          tenantId,
          teamId,
          userId,
          cycleId: cycle.id,
          week,
          updates: owned.map((k) => ({
            keyResultId: k.id,
            previousValue: valueIn(k, step - 1),
            value: valueIn(k, step),
            confidence: k.confidence,
          })),
          nothingChanged: false,
          ...(last ? text : {}),
          submissionId: `demo-${week}-${userId}`,
          submittedAt,
          updatedAt: submittedAt,
        };
      });
  });

  return { organization, team, members, objectives, keyResults, kpis, readings, checkIns };
}
