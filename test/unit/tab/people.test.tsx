/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TeamMembersResponse } from '@bearing/core';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { ManageView } from '../../../tab/src/manage/ManageView';
import {
  FakeApi,
  TEAM_ID,
  renderInTab,
  settingsFixture,
  stubBrowserApis,
  teamView,
} from './support';

beforeAll(stubBrowserApis);

const people = (overrides: Partial<TeamMembersResponse> = {}): TeamMembersResponse => ({
  teamId: TEAM_ID,
  canChangeRoles: true,
  members: [
    { userId: 'u-alex', displayName: 'Alex Wilber', role: 'owner', etag: '"m-alex"' },
    { userId: 'u-megan', displayName: 'Megan Bowen', role: 'member', etag: '"m-megan"' },
  ],
  ...overrides,
});

/** Opens Edit OKRs and expands "People and roles" (a disclosure button, so Enter/Space work). */
async function openPeople(api: FakeApi) {
  renderInTab(<ManageView api={api} teamId={TEAM_ID} canEdit />);
  const toggle = await screen.findByRole('button', { name: 'People and roles' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  // Nothing is loaded until the section is opened.
  expect(api.callsOf('getTeamMembers')).toHaveLength(0);
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return screen.findByRole('table', { name: 'Members of this team and their roles' });
}

const rowOf = (table: HTMLElement, name: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(name)) as HTMLElement;

it('lists members with their roles; an owner makes someone a manager and focus stays in the row', async () => {
  const api = new FakeApi({
    alignment: [teamView()],
    views: {
      getTeamSettings: [settingsFixture()],
      getTeamMembers: [people()],
      setMemberRole: [
        { userId: 'u-megan', displayName: 'Megan Bowen', role: 'manager', etag: '"m-megan-2"' },
      ],
    },
  });
  const table = await openPeople(api);
  expect(within(rowOf(table, 'Alex Wilber')).getByText('Owner')).toBeTruthy();
  const megan = rowOf(table, 'Megan Bowen');
  expect(within(megan).getByText('Member')).toBeTruthy();
  // The role someone already has is not offered.
  expect(within(megan).queryByRole('button', { name: 'Make Megan Bowen a member' })).toBeNull();

  fireEvent.click(within(megan).getByRole('button', { name: 'Make Megan Bowen a manager' }));
  expect(await screen.findByText('Megan Bowen is now: Manager.')).toBeTruthy();
  expect(api.callsOf('setMemberRole')).toEqual([
    [TEAM_ID, 'u-megan', { role: 'manager', etag: '"m-megan"' }],
  ]);
  const updated = rowOf(table, 'Megan Bowen');
  expect(within(updated).getByText('Manager')).toBeTruthy();
  await waitFor(() => expect(updated.contains(document.activeElement)).toBe(true));
  expect(document.activeElement?.tagName).toBe('BUTTON');
});

it('says why the last owner cannot step down, and changes nothing on screen', async () => {
  const api = new FakeApi({
    alignment: [teamView()],
    views: {
      getTeamSettings: [settingsFixture()],
      getTeamMembers: [people()],
      setMemberRole: [new ApiRequestError('TEAM.LAST_OWNER', 'only owner', 409)],
    },
  });
  const table = await openPeople(api);
  fireEvent.click(
    within(rowOf(table, 'Alex Wilber')).getByRole('button', { name: 'Make Alex Wilber a manager' }),
  );
  expect((await screen.findByRole('alert')).textContent).toBe(
    'A team needs at least one owner. Make someone else an owner first.',
  );
  expect(within(rowOf(table, 'Alex Wilber')).getByText('Owner')).toBeTruthy();
});

it('shows managers the list without role buttons', async () => {
  const api = new FakeApi({
    alignment: [teamView()],
    views: {
      getTeamSettings: [settingsFixture()],
      getTeamMembers: [people({ canChangeRoles: false })],
    },
  });
  const table = await openPeople(api);
  expect(screen.getByText('Only team owners (or a Bearing admin) can change roles.')).toBeTruthy();
  expect(within(table).queryAllByRole('button')).toHaveLength(0);
  expect(within(table).getAllByRole('row')).toHaveLength(3);
});
