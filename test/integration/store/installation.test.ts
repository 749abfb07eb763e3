import {
  addTeamMember,
  deactivateTeamMember,
  forgetPersonalChat,
  forgetTeamChannel,
  registerPersonalChat,
  registerTeam,
} from '../../../bot/src/features/team/installation';
import { startTestStore, type TestStore } from '../../support/embedded-store';

const T = '11111111-1111-1111-1111-111111111111';
const now = '2026-11-22T12:00:00.000Z';
let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
});
afterAll(async () => t.close());

it('registers a team, links roster members to it and to their profiles, and forgets the channel on removal', async () => {
  const s = t.stores;
  await registerTeam(s, T, { id: 'team-x', name: 'X' }, { conversation: { id: 'channel-x' } }, now);
  await addTeamMember(s, T, 'team-x', { userId: 'u1', name: 'One', teamsUserId: '29:one' }, now);
  await addTeamMember(s, T, 'team-x', { userId: 'u1', name: 'One', teamsUserId: '29:one' }, now);
  expect(
    (await s.teams.listMembers(T, 'team-x')).map((m) => [m.userId, m.active, m.teamsUserId]),
  ).toEqual([['u1', true, '29:one']]);
  expect((await s.users.getUser(T, 'u1'))?.value).toMatchObject({
    teamIds: ['team-x'],
    teamsUserId: '29:one',
  });
  await forgetTeamChannel(s, T, 'team-x', now);
  expect((await s.teams.getTeam(T, 'team-x'))?.value.channelReference).toBeUndefined();
  await deactivateTeamMember(s, T, 'team-x', 'u1', now);
  expect((await s.teams.getMember(T, 'team-x', 'u1'))?.value.active).toBe(false);
});

it('remembers a personal chat and forgets it when the app is uninstalled there', async () => {
  const s = t.stores;
  await registerPersonalChat(
    s,
    T,
    { userId: 'u2', name: 'Two', timeZone: 'Europe/Berlin' },
    { conversation: { id: 'chat-2' } },
    now,
  );
  expect((await s.users.getUser(T, 'u2'))?.value).toMatchObject({
    conversationReference: { conversation: { id: 'chat-2' } },
    timeZone: 'Europe/Berlin',
  });
  await forgetPersonalChat(s, T, 'u2', now);
  const after = await s.users.getUser(T, 'u2');
  expect(after?.value.conversationReference).toBeUndefined();
  expect(after?.value.timeZone).toBe('Europe/Berlin');
});

it('keeps the roster e-mail / UPN on the member as a lookup attribute', async () => {
  const s = t.stores;
  await registerTeam(s, T, { id: 'team-y', name: 'Y' }, { conversation: { id: 'channel-y' } }, now);
  const person = { userId: 'u2', name: 'Two', teamsUserId: '29:two' };
  await addTeamMember(s, T, 'team-y', { ...person, email: 'two@contoso.example' }, now);
  // A members-added event without the e-mail keeps the one the roster gave.
  await addTeamMember(s, T, 'team-y', person, now);
  expect((await s.teams.getMember(T, 'team-y', 'u2'))?.value).toMatchObject({
    userId: 'u2',
    email: 'two@contoso.example',
  });
});
