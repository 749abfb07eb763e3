/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OkrImportResponse, TeamViewResponse } from '@bearing/core';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { DataView } from '../../../tab/src/data/DataView';
import { FakeApi, TEAM_ID, deferred, renderInTab, stubBrowserApis, teamView } from './support';

beforeAll(stubBrowserApis);

const renderData = (api: FakeApi, canEdit = true) =>
  renderInTab(<DataView api={api} teamId={TEAM_ID} canEdit={canEdit} />);

function chooseFile(text: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([text], 'okrs.csv', { type: 'text/csv' });
  // jsdom's File has no text(); the browser's does.
  Object.defineProperty(file, 'text', { value: async () => text });
  fireEvent.change(input, { target: { files: [file] } });
}

function importAnswer(overrides: Partial<OkrImportResponse>): OkrImportResponse {
  return {
    confirmed: false,
    valid: 0,
    errors: [],
    errorCount: 0,
    errorCounts: {},
    objectives: [
      {
        title: 'Refresh the team wiki',
        keyResults: [{ title: 'Rewrite 20 wiki pages', type: 'number', baseline: 0, target: 20 }],
      },
    ],
    imported: { objectives: 0, keyResults: 0 },
    ...overrides,
  };
}

describe('DataView', () => {
  it('shows a skeleton while it finds the current cycle', async () => {
    const pending = deferred<TeamViewResponse>();
    renderData(new FakeApi({ alignment: [pending.promise] }));
    expect(screen.getByRole('status', { name: 'Loading your team’s goals…' })).toBeTruthy();
    await act(async () => pending.resolve(teamView()));
    expect(await screen.findByRole('button', { name: 'Download OKRs as CSV' })).toBeTruthy();
  });

  it('shows an error with Retry', async () => {
    renderData(new FakeApi({ alignment: [new ApiRequestError('INTERNAL', 'x', 500), teamView()] }));
    fireEvent.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }),
    );
    expect(await screen.findByRole('button', { name: 'Download OKRs as JSON' })).toBeTruthy();
  });

  it('members can export but not import', async () => {
    renderData(new FakeApi({ alignment: [teamView()] }), false);
    expect(await screen.findByText('Only team owners and managers can import.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Import OKRs from CSV' })).toBeNull();
  });

  it('exports through the API (with the Teams token) and saves the file', async () => {
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        created.push(b);
        return 'blob:x';
      },
      revokeObjectURL: () => undefined,
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const blob = new Blob(['objective,key result\n'], { type: 'text/csv' });
    const api = new FakeApi({ alignment: [teamView()], views: { exportOkrs: [blob] } });
    renderData(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Download OKRs as CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.callsOf('exportOkrs')).toEqual([[TEAM_ID, 'csv', 'FY2027-Q2']]);
    expect(created).toEqual([blob]);
    click.mockRestore();
  });

  it('says to choose a file first', async () => {
    const api = new FakeApi({ alignment: [teamView()] });
    renderData(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose a CSV file first.');
    expect(api.callsOf('importOkrs')).toHaveLength(0);
  });

  it('previews an import with row errors, and imports only a clean file after confirming', async () => {
    const api = new FakeApi({
      alignment: [teamView()],
      views: {
        importOkrs: [
          importAnswer({
            valid: 1,
            errors: [{ line: 3, code: 'keyResult.invalid', message: 'target is not a number' }],
            errorCount: 250,
            errorCounts: { 'keyResult.invalid': 250 },
          }),
          importAnswer({ valid: 2 }),
          importAnswer({ valid: 2, confirmed: true, imported: { objectives: 1, keyResults: 2 } }),
        ],
      },
    });
    renderData(api);
    await screen.findByRole('region', { name: 'Import OKRs from CSV' });
    chooseFile('bad csv');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Line 3: target is not a number')).toBeTruthy();
    expect(screen.getByText('…and 249 more rows with errors (250 in all).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import \d+ rows$/ })).toBeNull();

    chooseFile('good csv');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('2 rows are ready to import.')).toBeTruthy();
    expect(screen.getByText('Rewrite 20 wiki pages (0 → 20)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    expect(await screen.findByText('Imported 1 objectives and 2 key results.')).toBeTruthy();
    expect(api.callsOf('importOkrs')).toEqual([
      [TEAM_ID, { cycleId: 'FY2027-Q2', csv: 'bad csv', confirm: false }],
      [TEAM_ID, { cycleId: 'FY2027-Q2', csv: 'good csv', confirm: false }],
      [TEAM_ID, { cycleId: 'FY2027-Q2', csv: 'good csv', confirm: true }],
    ]);
  });
});
