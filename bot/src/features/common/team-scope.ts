import {
  API_ERROR_CODES,
  cycleById,
  cycleFor,
  err,
  isoWeek,
  ok,
  resolveMemberTimeZone,
  toLocal,
  type Cycle,
  type Result,
  type TeamMember,
  type TeamRole,
  type TenantId,
  type UserId,
} from '@bearing/core';
import type { OrganizationStore, TeamStore } from './ports';

/** The caller of a tab API use case: always from the authenticated token, never from a body. */
export interface Caller {
  readonly tenantId: TenantId;
  readonly userId: UserId;
}

export const teamNotFound = err({
  code: API_ERROR_CODES.notFound,
  message: 'This team does not exist or you are not in it.',
});
export const notFound = (message: string) => err({ code: API_ERROR_CODES.notFound, message });
export const forbidden = (message = 'Only team owners and managers can change this.') =>
  err({ code: API_ERROR_CODES.forbidden, message });
export const conflict = (what: string) =>
  err({
    code: API_ERROR_CODES.conflict,
    message: `Someone else changed ${what}. Load the latest version and apply your change again.`,
  });
export const invalid = (message: string, field: string) =>
  err({ code: API_ERROR_CODES.validation, message, field });

/** May this role change the team's OKRs, KPIs, settings and keys? (Owners and managers.) */
export const canManage = (role: TeamRole): boolean => role !== 'member';

/**
 * The caller's membership of a team: active members only. Another tenant's team, or one the caller
 * is not in, is "not found" (never "forbidden"), so ids cannot be probed. With `write`, plain
 * members are refused. The messages can name what was asked for. One point read.
 */
export async function requireMember(
  teams: TeamStore,
  caller: Caller,
  teamId: string,
  options: {
    readonly write?: boolean;
    readonly forbidden?: string;
    readonly notFound?: string;
  } = {},
): Promise<Result<TeamMember>> {
  const member = await teams.getMember(caller.tenantId, teamId, caller.userId);
  if (!member?.value.active) return options.notFound ? notFound(options.notFound) : teamNotFound;
  if (options.write && !canManage(member.value.role)) return forbidden(options.forbidden);
  return ok(member.value);
}

/** The caller's role in a team (see requireMember). */
export async function roleIn(
  teams: TeamStore,
  caller: Caller,
  teamId: string,
  write: boolean,
): Promise<Result<TeamRole>> {
  const member = await requireMember(teams, caller, teamId, { write });
  return member.ok ? ok(member.value.role) : member;
}

/** The organisation's calendar: the requested (or current) cycle. */
export async function cycleOf(
  organizations: OrganizationStore,
  tenantId: TenantId,
  now: Date,
  cycleId?: string,
): Promise<{ cycle: Cycle; fiscalStartMonth: number; orgTimeZone?: string }> {
  const org = await organizations.getOrganization(tenantId);
  const fiscalStartMonth = org?.value.fiscalStartMonth ?? 1;
  const zone = resolveMemberTimeZone(org?.value.defaultTimeZone);
  const local = toLocal(now.getTime(), zone);
  const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  const cycle =
    (cycleId ? cycleById(cycleId, fiscalStartMonth) : undefined) ??
    cycleFor(date, fiscalStartMonth);
  return {
    cycle,
    fiscalStartMonth,
    ...(org?.value.defaultTimeZone ? { orgTimeZone: org.value.defaultTimeZone } : {}),
  };
}

/** This ISO week in a time zone (the team's, else the organisation's). */
export const weekIn = (now: Date, ...zones: (string | undefined)[]) =>
  isoWeek(now.toISOString(), resolveMemberTimeZone(...zones));

/** Public cycle fields of a response. */
export const cycleRef = (c: Cycle) => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  start: c.start,
  end: c.end,
});
