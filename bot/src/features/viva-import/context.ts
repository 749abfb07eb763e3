import type {
  KnownPerson,
  KnownTeam,
  PlanContext,
  Team,
  TenantId,
  VivaImportRequest,
} from '@bearing/core';
import type { CheckInStore, KpiStore, OkrStore, OrganizationStore, TeamStore } from '../common';
import type { ImportDocumentStore } from './ports';

/** The stores an import reads and writes. */
export interface ImportStores {
  readonly organizations: OrganizationStore;
  readonly teams: TeamStore;
  readonly okrs: OkrStore;
  readonly kpis: KpiStore;
  readonly checkIns: CheckInStore;
  readonly imports: ImportDocumentStore;
}

/** Every team of the tenant (paged). */
export async function allTeams(teams: TeamStore, tenantId: TenantId): Promise<Team[]> {
  const out: Team[] = [];
  let token: string | undefined;
  do {
    const page = await teams.listTeams(tenantId, token);
    out.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return out;
}

/**
 * What the mapping needs to know about the tenant: its fiscal year and zone, the teams the app is
 * installed in (teams an earlier import created are not matched by name, so a re-import maps
 * the same way; those linked since map to their Teams team), and the members of their rosters with the e-mail/UPN kept for lookup.
 */
export async function loadPlanContext(
  stores: ImportStores,
  tenantId: TenantId,
  request: VivaImportRequest,
  now: Date,
): Promise<PlanContext> {
  const org = await stores.organizations.getOrganization(tenantId);
  const teams = await allTeams(stores.teams, tenantId);
  const installed = teams.filter((t) => !t.importedFrom);
  const knownTeams: KnownTeam[] = installed.map((t) => ({ id: t.id, name: t.name }));
  const links = await stores.imports.listTeamLinks(tenantId);
  const roster = new Map<string, KnownPerson>();
  for (const t of installed)
    for (const m of await stores.teams.listMembers(tenantId, t.id))
      if (m.active && !roster.has(m.userId))
        roster.set(m.userId, {
          userId: m.userId,
          displayName: m.displayName,
          ...(m.email ? { email: m.email } : {}),
        });
  return {
    tenantId,
    fiscalStartMonth: org?.value.fiscalStartMonth ?? 1,
    timeZone: org?.value.defaultTimeZone ?? 'UTC',
    now: now.toISOString(),
    knownTeams,
    linkedTeams: links.map((l) => ({
      importedTeamId: l.importedTeamId,
      teamId: l.teamId,
      by: l.by,
    })),
    roster: [...roster.values()],
    ...(request.people ? { people: request.people } : {}),
    ...(request.teams ? { teams: request.teams } : {}),
    ...(request.guardrails ? { guardrails: request.guardrails } : {}),
  };
}
