/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TeamViewResponse } from '@bearing/core';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { ManageView } from '../../../tab/src/manage/ManageView';
import { keyResultHints, objectiveHints } from '../../../tab/src/manage/forms';
import {
  FakeApi,
  TEAM_ID,
  deferred,
  keyResult,
  objective,
  savedKeyResult,
  renderInTab,
  settingsFixture,
  stubBrowserApis,
  teamView,
} from './support';

beforeAll(stubBrowserApis);

const members = [
  { userId: 'u-alex', displayName: 'Alex Wilber', role: 'owner' as const },
  { userId: 'u-megan', displayName: 'Megan Bowen', role: 'member' as const },
];
const view = (overrides: Partial<TeamViewResponse> = {}) => teamView({ members, ...overrides });

function renderManage(api: FakeApi, canEdit = true) {
  return renderInTab(<ManageView api={api} teamId={TEAM_ID} canEdit={canEdit} />);
}

const withSettings = { getTeamSettings: [settingsFixture()] };

describe('ManageView', () => {
  it('is for owners and managers only', () => {
    renderManage(new FakeApi({ alignment: [view()] }), false);
    expect(screen.getByText('Only team owners and managers can edit OKRs.')).toBeTruthy();
  });

  it('shows a skeleton while loading', async () => {
    const pending = deferred<TeamViewResponse>();
    renderManage(new FakeApi({ alignment: [pending.promise], views: withSettings }));
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    await act(async () => pending.resolve(view()));
    expect(await screen.findByRole('button', { name: 'New objective' })).toBeTruthy();
  });

  it('explains an empty cycle and still offers New objective', async () => {
    renderManage(new FakeApi({ alignment: [view({ objectives: [] })], views: withSettings }));
    expect(await screen.findByText(/No objectives in this cycle yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New objective' })).toBeTruthy();
  });

  it('shows an error with Retry', async () => {
    const api = new FakeApi({
      alignment: [new ApiRequestError('INTERNAL', 'x', 500), view()],
      views: withSettings,
    });
    renderManage(api);
    fireEvent.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }),
    );
    expect(await screen.findByText('Refresh the team wiki')).toBeTruthy();
  });

  it('opens a blank new objective with no warning, then puts each hint under its field', async () => {
    renderManage(new FakeApi({ alignment: [view()], views: withSettings }));
    fireEvent.click(await screen.findByRole('button', { name: 'New objective' }));
    const form = screen.getByRole('form', { name: 'New objective' });
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(within(form).queryByText(/shows as “Not aligned”/)).toBeNull();
    fireEvent.change(within(form).getByRole('textbox', { name: /Objective/ }), {
      target: { value: 'Delight new hires' },
    });
    // Advice, not an alarm: no alert, and under the parents it is about, not under the title.
    expect(within(form).queryByRole('alert')).toBeNull();
    const parents = within(form).getByRole('group', { name: 'Aligned to' });
    expect(within(parents).getByText(/shows as “Not aligned”/)).toBeTruthy();
    expect(parents.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('creates an objective aligned to several parents, with lint hints while typing', async () => {
    const api = new FakeApi({
      alignment: [view()],
      views: { ...withSettings, createObjective: [objective({ id: 'obj-new' })] },
    });
    renderManage(api);
    fireEvent.click(await screen.findByRole('button', { name: 'New objective' }));
    const form = screen.getByRole('form', { name: 'New objective' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Enter a value.')).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: /Objective/ }), {
      target: { value: 'Delight new hires' },
    });
    expect(within(form).getByText(/shows as “Not aligned”/)).toBeTruthy();
    fireEvent.click(
      within(form).getByRole('checkbox', { name: 'Be the place great people choose' }),
    );
    fireEvent.click(
      within(form).getByRole('checkbox', { name: 'Grow a business our customers love' }),
    );
    expect(within(form).queryByText(/shows as “Not aligned”/)).toBeNull();
    fireEvent.change(within(form).getByRole('combobox', { name: 'Owner' }), {
      target: { value: 'u-megan' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.callsOf('createObjective')).toEqual([
      [
        TEAM_ID,
        {
          cycleId: 'FY2027-Q2',
          level: 'team',
          status: 'active',
          title: 'Delight new hires',
          ownerId: 'u-megan',
          parentIds: ['obj-company-people', 'obj-company-growth'],
        },
      ],
    ]);
  });

  it('edits an objective with its etag and shows a conflict message on 409', async () => {
    const api = new FakeApi({
      alignment: [view()],
      views: {
        ...withSettings,
        updateObjective: [new ApiRequestError('STORE.CONFLICT', 'changed', 409)],
      },
    });
    renderManage(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit Make My Team a place people want to stay' }),
    );
    const form = screen.getByRole('form', { name: 'Edit objective' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Objective/ }), {
      target: { value: 'Make My Team the place to be' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toContain(
      'Someone else changed this since you opened it',
    );
    const [teamId, objectiveId, body] = api.callsOf('updateObjective')[0] as [
      string,
      string,
      Record<string, unknown>,
    ];
    expect([teamId, objectiveId]).toEqual([TEAM_ID, 'obj-engagement']);
    expect(body).toMatchObject({ etag: '"obj-engagement"', title: 'Make My Team the place to be' });
  });

  it('archives an objective and a key result, reloading after each', async () => {
    const api = new FakeApi({
      alignment: [view()],
      views: {
        ...withSettings,
        updateObjective: [objective({ id: 'obj-side-project', status: 'archived' })],
        archiveKeyResult: [savedKeyResult({ id: 'kr-wiki' })],
      },
    });
    renderManage(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Archive Refresh the team wiki' }));
    // It asks first; Cancel archives nothing.
    const ask = await screen.findByRole('alertdialog', {
      name: 'Archive “Refresh the team wiki”?',
    });
    fireEvent.click(await within(ask).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(api.callsOf('updateObjective')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Archive Refresh the team wiki' }));
    const confirm = await screen.findByRole('alertdialog', {
      name: 'Archive “Refresh the team wiki”?',
    });
    fireEvent.click(await within(confirm).findByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('Archived “Refresh the team wiki”.')).toBeTruthy();
    expect(api.callsOf('updateObjective')[0]).toEqual([
      TEAM_ID,
      'obj-side-project',
      { etag: '"obj-side-project"', status: 'archived' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Archive Rewrite 10 wiki pages' }));
    const krAsk = await screen.findByRole('alertdialog', {
      name: 'Archive “Rewrite 10 wiki pages”?',
    });
    fireEvent.click(await within(krAsk).findByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('Archived “Rewrite 10 wiki pages”.')).toBeTruthy();
    expect(api.callsOf('archiveKeyResult')).toEqual([[TEAM_ID, 'kr-wiki', '"kr-3"']]);
    await waitFor(() => expect(api.alignmentCalls.length).toBeGreaterThanOrEqual(3));
  });

  it('edits a key result’s target, value and confidence from Edit OKRs', async () => {
    const api = new FakeApi({
      alignment: [view()],
      update: [
        keyResult({
          id: 'kr-wiki',
          objectiveId: 'obj-side-project',
          title: 'Rewrite 10 wiki pages',
          target: 12,
        }),
      ],
      views: withSettings,
    });
    renderManage(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit key result Rewrite 10 wiki pages' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit key result' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Target' }), {
      target: { value: '12' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved “Rewrite 10 wiki pages”.')).toBeTruthy();
    expect(api.updateCalls[0]).toMatchObject({
      teamId: TEAM_ID,
      keyResultId: 'kr-wiki',
      changes: { target: 12 },
    });
  });

  it('adds a key result with validation and a hint for vague titles', async () => {
    const api = new FakeApi({
      alignment: [view()],
      views: { ...withSettings, createKeyResult: [savedKeyResult({ id: 'kr-new' })] },
    });
    renderManage(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Add key result to Refresh the team wiki' }),
    );
    const form = screen.getByRole('form', { name: 'Add key result to Refresh the team wiki' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Key result/ }), {
      target: { value: 'Better wiki' },
    });
    expect(within(form).getByText(/Add a number/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Enter a value.')).toBeTruthy();
    expect(api.callsOf('createKeyResult')).toHaveLength(0);
    fireEvent.change(within(form).getByRole('textbox', { name: /Key result/ }), {
      target: { value: 'Rewrite 20 wiki pages' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Target/ }), {
      target: { value: '20' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Unit' }), {
      target: { value: 'pages' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.callsOf('createKeyResult')[0]).toEqual([
      TEAM_ID,
      'obj-side-project',
      {
        title: 'Rewrite 20 wiki pages',
        type: 'number',
        baseline: 0,
        target: 20,
        unit: 'pages',
        ownerId: 'u-alex',
        confidence: 'onTrack',
      },
    ]);
  });

  it('shows settings read-only to members', async () => {
    renderManage(
      new FakeApi({
        alignment: [view()],
        views: { getTeamSettings: [settingsFixture({ canEdit: false })] },
      }),
    );
    const form = await screen.findByRole('form', { name: 'Check-in settings' });
    expect(within(form).getByText(/Only team owners and managers can change these/)).toBeTruthy();
    expect(
      (within(form).getByRole('button', { name: 'Save settings' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('saves check-in settings, validating times, and reports a conflict', async () => {
    const api = new FakeApi({
      alignment: [view()],
      views: {
        getTeamSettings: [settingsFixture()],
        updateTeamSettings: [
          new ApiRequestError('STORE.CONFLICT', 'x', 409),
          settingsFixture({ etag: '"settings-3"', checkInTime: '10:30' }),
        ],
      },
    });
    renderManage(api);
    const form = await screen.findByRole('form', { name: 'Check-in settings' });
    const time = within(form).getByRole('textbox', { name: 'Check-in time' });
    expect((time as HTMLInputElement).value).toBe('09:00');
    fireEvent.change(time, { target: { value: '25:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await within(form).findByText('Use a time such as 09:00.')).toBeTruthy();
    expect(api.callsOf('updateTeamSettings')).toHaveLength(0);
    fireEvent.change(time, { target: { value: '10:30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this');
    // Only what changed goes to the server, with the ETag it was read with.
    expect(api.callsOf('updateTeamSettings')[0]).toEqual([
      TEAM_ID,
      { etag: '"settings-1"', checkInTime: '10:30' },
    ]);
  });

  it('sets after how many missed weeks managers hear about it (whole weeks, 0 to 8)', async () => {
    const api = new FakeApi({
      alignment: [view()],
      views: {
        getTeamSettings: [settingsFixture()],
        updateTeamSettings: [settingsFixture({ etag: '"settings-2"', missedCheckInWeeks: 3 })],
      },
    });
    renderManage(api);
    const form = await screen.findByRole('form', { name: 'Check-in settings' });
    const weeks = within(form).getByRole('textbox', { name: /missed check-in weeks in a row/ });
    expect((weeks as HTMLInputElement).value).toBe('2');
    fireEvent.change(weeks, { target: { value: '9' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(await within(form).findByText('Enter whole weeks from 0 to 8.')).toBeTruthy();
    fireEvent.change(weeks, { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(api.callsOf('updateTeamSettings')[0]).toEqual([
        TEAM_ID,
        { etag: '"settings-1"', missedCheckInWeeks: 3 },
      ]),
    );
  });
});

describe('lint hints', () => {
  const m = {
    noParent: 'no parent',
    tooLong: 'too long',
    vague: 'vague',
    baselineIsTarget: 'same',
  };
  it('flag unaligned objectives, titles without numbers and baseline equal to target', () => {
    expect(objectiveHints({ title: 'x', parentIds: [] }, m)).toEqual({ parents: 'no parent' });
    expect(objectiveHints({ title: 'x', parentIds: ['p'] }, m)).toEqual({});
    expect(objectiveHints({ title: ' ', parentIds: [] }, m)).toEqual({});
    expect(keyResultHints({ title: 'Better wiki', baseline: 1, target: 1 }, m)).toEqual({
      title: 'vague',
      target: 'same',
    });
    expect(keyResultHints({ title: 'Rewrite 20 pages', baseline: 0, target: 20 }, m)).toEqual({});
  });
});
