import { randomUUID } from 'node:crypto';
import { CARD_VERBS, CHECKIN_INPUTS, DEFAULT_TEAM_SETTINGS } from '@bearing/core';
import { DEMO_TENANT_ID, DEMO_TIME_ZONE } from '../bot/src/features/demo/demo-organization';
import type { Stores } from '../bot/src/store';
import { cardInvoke } from '../simulators/teams/activities';

/** The Bot Connector host the benchmark's activities and tokens name. */
export const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const KRS_PER_MEMBER = 3;

/** One generated team member who owns key results in the current cycle. */
export interface BenchMember {
  readonly userId: string;
  readonly teamId: string;
  readonly krIds: readonly string[];
}

/** `--teams` teams of `--members` members, each owning one objective with three key results. */
export async function seedBenchTeams(
  stores: Stores,
  teams: number,
  membersPerTeam: number,
  cycleId: string,
): Promise<BenchMember[]> {
  const at = new Date().toISOString();
  const stamp = { createdAt: at, updatedAt: at };
  const tenantId = DEMO_TENANT_ID;
  const out: BenchMember[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  for (let t = 0; t < teams; t += 1) {
    const teamId = `bench-team-${t}`;
    writes.push(() =>
      stores.teams.saveTeam({
        tenantId,
        id: teamId,
        name: `Bench team ${t}`,
        settings: { ...DEFAULT_TEAM_SETTINGS, timeZone: DEMO_TIME_ZONE },
        ...stamp,
      }),
    );
    for (let m = 0; m < membersPerTeam; m += 1) {
      const userId = `bench-user-${t}-${m}`;
      const objectiveId = `bench-objective-${t}-${m}`;
      const krIds = Array.from({ length: KRS_PER_MEMBER }, (_, k) => `bench-kr-${t}-${m}-${k}`);
      out.push({ userId, teamId, krIds });
      const person = { tenantId, userId, timeZone: DEMO_TIME_ZONE, locale: 'en-US' };
      writes.push(
        () =>
          stores.teams.saveMember({
            ...person,
            teamId,
            displayName: `Bench user ${t}-${m}`,
            role: m === 0 ? 'manager' : 'member',
            active: true,
            joinedAt: at,
            updatedAt: at,
          }),
        () =>
          stores.users.saveUser({
            ...person,
            displayName: `Bench user ${t}-${m}`,
            teamIds: [teamId],
            updatedAt: at,
          }),
        () =>
          stores.okrs.saveObjective({
            tenantId,
            id: objectiveId,
            teamId,
            cycleId,
            level: 'team',
            title: `Objective of bench user ${t}-${m}`,
            ownerId: userId,
            parentIds: [],
            status: 'active',
            ...stamp,
          }),
        ...krIds.map(
          (id, k) => () =>
            stores.okrs.saveKeyResult({
              tenantId,
              id,
              teamId,
              objectiveId,
              cycleId,
              title: `Key result ${k + 1}`,
              type: 'number',
              baseline: 0,
              target: 100,
              current: 0,
              direction: 'increase',
              ownerId: userId,
              confidence: 'onTrack',
              status: 'active',
              ...stamp,
            }),
        ),
      );
    }
  }
  // Bounded parallelism: quick on the loopback store without flooding it.
  for (let i = 0; i < writes.length; i += 64)
    await Promise.all(writes.slice(i, i + 64).map((w) => w()));
  return out;
}

/** The Action.Execute invoke of `member`'s check-in card for `week`, as Teams would post it. */
export function submitBody(
  member: BenchMember,
  cycleId: string,
  week: string,
  value: number,
): string {
  const activity = cardInvoke(SERVICE_URL, CARD_VERBS.checkInSubmit, {
    krIds: member.krIds,
    submissionId: randomUUID(),
    teamId: member.teamId,
    cycleId,
    week,
    ...Object.fromEntries(
      member.krIds.flatMap((id) => [
        [CHECKIN_INPUTS.value(id), String(value)],
        [CHECKIN_INPUTS.confidence(id), 'onTrack'],
      ]),
    ),
  });
  return JSON.stringify({
    ...activity,
    id: randomUUID(),
    from: { id: `29:${member.userId}`, aadObjectId: member.userId, name: member.userId },
    conversation: { ...activity.conversation, id: `personal-${member.userId}` },
  });
}
