import {
  cycleById,
  cycleChoices,
  cycleFor,
  cycleScope,
  isoWeek,
  lintTeamOkrs,
  resolveMemberTimeZone,
  teamProgress,
  type KeyResult,
  type Organization,
  type Team,
  type TeamViewResponse,
  type TenantId,
  type UserId,
} from '@bearing/core';
import { kpiView } from '../kpis';
import { objectiveView } from '../objectives';
import {
  cycleRef,
  type OkrStore,
  type OrganizationStore,
  type TeamStore,
  type Versioned,
} from '../common';

/** What the team view reads. */
export interface TeamViewStores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
}

/**
 * The team view for a caller, or undefined when the caller is not an active member of the team (or
 * the team does not exist). Membership, organisation and team are point-read together, then the
 * team snapshot and the company objectives are queried together: two round trips deep, whatever
 * the size of the tenant.
 */
export async function getTeamViewForMember(
  stores: TeamViewStores,
  tenantId: TenantId,
  teamId: string,
  userId: UserId,
  now: Date,
  options: TeamViewOptions = {},
): Promise<TeamViewResponse | undefined> {
  const [member, org, team] = await Promise.all([
    stores.teams.getMember(tenantId, teamId, userId),
    stores.organizations.getOrganization(tenantId),
    stores.teams.getTeam(tenantId, teamId),
  ]);
  if (!member?.value.active || !team) return undefined;
  return buildTeamView(stores, tenantId, teamId, org?.value, team, now, options);
}

/**
 * The team view of the tab: the team's objectives and key results of a cycle with progress,
 * confidence, owners, lint warnings and guardrail KPIs, the company objectives they align to, and
 * this week's check-in completion. One single-partition query for the team and one for the
 * company objectives.
 */
export async function getTeamView(
  stores: TeamViewStores,
  tenantId: TenantId,
  teamId: string,
  now: Date,
  options: TeamViewOptions = {},
): Promise<TeamViewResponse | undefined> {
  const [org, team] = await Promise.all([
    stores.organizations.getOrganization(tenantId),
    stores.teams.getTeam(tenantId, teamId),
  ]);
  if (!team) return undefined;
  return buildTeamView(stores, tenantId, teamId, org?.value, team, now, options);
}

/** Which cycle to show, and an optional text filter on objective and key result titles. */
export interface TeamViewOptions {
  readonly cycleId?: string;
  readonly search?: string;
}

async function buildTeamView(
  stores: TeamViewStores,
  tenantId: TenantId,
  teamId: string,
  org: Organization | undefined,
  team: Versioned<Team>,
  now: Date,
  options: TeamViewOptions,
): Promise<TeamViewResponse | undefined> {
  const fiscalStart = org?.fiscalStartMonth ?? 1;
  const cycle =
    (options.cycleId ? cycleById(options.cycleId, fiscalStart) : undefined) ??
    cycleFor(now.toISOString().slice(0, 10), fiscalStart);
  const zone = resolveMemberTimeZone(team.value.settings.timeZone, org?.defaultTimeZone);
  const week = isoWeek(now.toISOString(), zone);
  // What the cycle's view holds (core's cycleScope): a quarter with its year's annual objectives
  // and key results, or a year with its quarters'. Still one query for each partition.
  const scope = cycleScope(cycle);
  const [snapshot, company] = await Promise.all([
    stores.teams.loadTeamSnapshot(tenantId, teamId, scope, [week]),
    stores.okrs.listObjectives(tenantId, null, scope),
  ]);
  if (!snapshot) return undefined;

  const names = new Map(snapshot.members.map((m) => [m.userId, m.displayName]));
  const nowIso = now.toISOString();
  const objectives = snapshot.objectives.filter((o) => o.value.status !== 'archived');
  const keyResults = snapshot.keyResults.filter((k) => k.value.status === 'active');
  const kpis = snapshot.kpis.filter((k) => k.value.status === 'active');
  const activeIds = new Set([
    ...company.filter((o) => o.value.status === 'active').map((o) => o.value.id),
    ...objectives.filter((o) => o.value.status === 'active').map((o) => o.value.id),
  ]);
  const warnings = lintTeamOkrs({
    objectives: objectives.map((o) => o.value),
    keyResults: keyResults.map((k) => k.value),
    kpis: kpis.map((k) => k.value),
    now: nowIso,
    fiscalStartMonth: fiscalStart,
  });
  const kpiViews = kpis.map((k) => kpiView(k.value, k.etag, now));
  const krsOf = (objectiveId: string) =>
    keyResults.filter((k) => k.value.objectiveId === objectiveId);
  const needle = options.search?.trim().toLowerCase();
  const matches = (title: string, krs: readonly Versioned<KeyResult>[]) =>
    !needle ||
    title.toLowerCase().includes(needle) ||
    krs.some((k) => k.value.title.toLowerCase().includes(needle));

  const objectiveViews = objectives
    .filter((o) => matches(o.value.title, krsOf(o.value.id)))
    .map((o) =>
      objectiveView(o, {
        keyResults: krsOf(o.value.id),
        names,
        kpis: kpiViews,
        warnings,
        countsAsAligned: (parentId) => activeIds.has(parentId),
      }),
    );
  const active = snapshot.members.filter((m) => m.active);
  const checkedIn = new Set(snapshot.checkIns.map((c) => c.value.userId));
  return {
    team: { id: team.value.id, name: team.value.name, etag: team.etag },
    cycle: cycleRef(cycle),
    cycles: cycleChoices(cycle, fiscalStart).map(cycleRef),
    progress: teamProgress(
      objectives.map((o) => o.value),
      keyResults.map((k) => k.value),
    ),
    // A company objective's progress here rolls up the team objectives aligned to it.
    companyObjectives: company
      .filter((o) => o.value.status !== 'archived')
      .map((o) => {
        const aligned = objectiveViews.filter((v) => v.parentIds.includes(o.value.id));
        return {
          id: o.value.id,
          title: o.value.title,
          cycleId: o.value.cycleId,
          progress: aligned.length
            ? aligned.reduce((sum, v) => sum + v.progress, 0) / aligned.length
            : 0,
        };
      }),
    objectives: objectiveViews,
    kpis: kpiViews,
    warnings: warnings.filter((w) => !w.objectiveId && !w.keyResultId),
    members: active.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.role,
      ...(checkedIn.has(m.userId) ? { lastCheckInWeek: week } : {}),
    })),
    week,
    checkInCompletion: active.length
      ? active.filter((m) => checkedIn.has(m.userId)).length / active.length
      : 0,
  };
}
