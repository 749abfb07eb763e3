import {
  cycleFor,
  type KeyResult,
  type Objective,
  type Team,
  type TeamMember,
} from '@bearing/core';
import {
  DEMO_FISCAL_START_MONTH,
  DEMO_TEAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
} from '../bot/src/features/demo/demo-organization';
import type { Stores } from '../bot/src/store';

/**
 * Writes `teamCount` teams, each with the local development user as owner, `objectives` team
 * objectives aligned to the demo company objectives and `krs` key results per objective.
 */
export async function generateTenant(
  stores: Stores,
  teamCount: number,
  objectives: number,
  krs: number,
): Promise<string[]> {
  const at = new Date().toISOString();
  const cycle = cycleFor(at, DEMO_FISCAL_START_MONTH);
  const tenantId = DEMO_TENANT_ID;
  const owner = DEMO_USERS[0];
  const demoTeam = await stores.teams.getTeam(tenantId, DEMO_TEAM_ID);
  if (!demoTeam) throw new Error('the demo team was not seeded');
  const companyIds = ['obj-company-people', 'obj-company-growth'];
  const ids: string[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  for (let t = 0; t < teamCount; t += 1) {
    const teamId = `bench-team-${String(t).padStart(5, '0')}`;
    ids.push(teamId);
    const team: Team = { ...demoTeam.value, id: teamId, name: `Bench team ${t}` };
    const member: TeamMember = {
      tenantId,
      teamId,
      userId: owner.userId,
      displayName: owner.name,
      role: 'owner',
      active: true,
      timeZone: 'America/Los_Angeles',
      locale: 'en-US',
      joinedAt: at,
      updatedAt: at,
    };
    writes.push(() => stores.teams.saveTeam(team));
    writes.push(() => stores.teams.saveMember(member));
    for (let o = 0; o < objectives; o += 1) {
      const objectiveId = `${teamId}-o${o}`;
      const objective: Objective = {
        tenantId,
        teamId,
        id: objectiveId,
        cycleId: cycle.id,
        level: 'team',
        title: `Objective ${o} of bench team ${t}`,
        ownerId: owner.userId,
        parentIds: [companyIds[o % companyIds.length] as string],
        status: 'active',
        createdAt: at,
        updatedAt: at,
      };
      writes.push(() => stores.okrs.saveObjective(objective));
      for (let k = 0; k < krs; k += 1) {
        const keyResult: KeyResult = {
          tenantId,
          teamId,
          id: `${objectiveId}-k${k}`,
          objectiveId,
          cycleId: cycle.id,
          title: `Raise metric ${k} from 10 to ${20 + k}`,
          type: 'number',
          unit: 'points',
          baseline: 10,
          target: 20 + k,
          current: 10 + ((t + o + k) % 10),
          direction: 'increase',
          confidence: (['onTrack', 'atRisk', 'offTrack'] as const)[(t + k) % 3],
          ownerId: owner.userId,
          status: 'active',
          lastCheckInAt: at,
          createdAt: at,
          updatedAt: at,
        };
        writes.push(() => stores.okrs.saveKeyResult(keyResult));
      }
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < writes.length) {
        const write = writes[next] as () => Promise<unknown>;
        next += 1;
        await write();
      }
    }),
  );
  return ids;
}
