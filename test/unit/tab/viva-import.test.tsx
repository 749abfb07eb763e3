/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { VivaImportReport } from '@bearing/core';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { DataView } from '../../../tab/src/data/DataView';
import { VivaImportPage } from '../../../tab/src/viva-import/VivaImportPage';
import { FakeApi, TEAM_ID, meFixture, renderInTab, stubBrowserApis, teamView } from './support';

beforeAll(stubBrowserApis);

const ADELE = '00000000-0000-0000-0000-000000000022';
const MEGAN = '00000000-0000-0000-0000-000000000021';
const admin = { ...meFixture(), isAdmin: true };

/** A preview as the server answers it for a small organisation export. */
function preview(overrides: Partial<VivaImportReport> = {}): VivaImportReport {
  return {
    dryRun: true,
    counts: {
      objectives: 6,
      keyResults: 8,
      kpis: 0,
      checkIns: 7,
      comments: 2,
      cycles: 2,
      teams: 2,
      people: 2,
      unmatchedPeople: 1,
      skipped: 1,
      warnings: 1,
      errors: 0,
      written: 0,
    },
    cycles: [
      { period: 'Q2 FY26', cycleId: 'FY2026-Q2', exact: true, items: 9 },
      { period: 'H1 2025/26', cycleId: 'FY2026', exact: false, items: 1 },
    ],
    teams: [
      { viva: 'My Team', teamId: TEAM_ID, match: 'name', listed: true },
      { viva: 'Platform', teamId: 'viva-team-1', match: 'new', parent: 'My Team', listed: true },
    ],
    people: [
      { viva: 'Megan Bowen', userId: MEGAN, match: 'name', items: [], itemCount: 0 },
      {
        viva: 'Jordan Doe',
        email: 'jordan@fabrikam.example',
        userId: null,
        match: 'unmatched',
        items: [{ id: 'viva-o-1003', title: 'Be the reference in our market' }],
        itemCount: 1,
      },
    ],
    decisions: [
      {
        subject: 'Outcome: Stay Above outcome',
        decision: 'Stay Above outcome → guardrail (KPI when guardrails=kpi, else a key result)',
        count: 1,
      },
    ],
    issues: [{ severity: 'warning', code: 'team.notListed', message: 'Team "Ghost" is named.' }],
    skipped: [{ source: 'objectives #9', code: 'item.noPeriod', reason: 'No time period.' }],
    written: { teams: 0, objectives: 0, keyResults: 0, kpis: 0, checkIns: 0, readings: 0 },
    batches: 0,
    choices: {
      members: [
        { userId: MEGAN, displayName: 'Megan Bowen' },
        { userId: ADELE, displayName: 'Adele Vance' },
      ],
      teams: [{ id: TEAM_ID, name: 'My Team' }],
      labels: [],
    },
    ...overrides,
  };
}

const applied = (written: number): VivaImportReport => ({
  ...preview(),
  dryRun: false,
  counts: { ...preview().counts, written },
  written: { teams: 1, objectives: 6, keyResults: 8, kpis: 0, checkIns: 4, readings: 0 },
});

function chooseFile(name = 'export.zip', bytes = 'PK\u0003\u0004zip') {
  const input = screen.getByLabelText(/^Viva Goals export files/) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([bytes], name)] } });
}

const previews = (api: FakeApi) =>
  api.callsOf('previewVivaImport').map(([body]) => body as Record<string, unknown>);

describe('Import from Viva Goals', () => {
  it('is not offered to someone who is not an admin', async () => {
    renderInTab(<VivaImportPage api={new FakeApi({ me: meFixture() })} />);
    expect(await screen.findByText('Only Bearing admins can import')).toBeTruthy();
    expect(screen.queryByLabelText(/^Viva Goals export files/)).toBeNull();
  });

  it('reads the dropped file to base64 and shows the preview as tables', async () => {
    const api = new FakeApi({ me: admin, views: { previewVivaImport: [preview()] } });
    renderInTab(<VivaImportPage api={api} />);
    expect(await screen.findByText('No files chosen yet.')).toBeTruthy();
    chooseFile();
    const counts = await screen.findByRole('table', { name: 'What the files hold' });
    expect(previews(api)).toEqual([
      {
        files: [{ name: 'export.zip', data: btoa('PK\u0003\u0004zip') }],
      },
    ]);
    expect(within(counts).getByRole('row', { name: /Objectives 6/ })).toBeTruthy();
    const cycles = screen.getByRole('table', { name: 'Time periods → cycles' });
    expect(within(cycles).getByText('FY2026 · Maps to the cycle that contains it')).toBeTruthy();
    expect(within(cycles).getByText('FY2026-Q2 · Same dates')).toBeTruthy();
    const platform = screen.getByRole('combobox', { name: 'Bearing team for Platform' });
    expect((platform as HTMLSelectElement).value).toBe('');
    const people = screen.getByRole('table', { name: 'People' });
    // The unmatched come first, with what they own and a picker at once.
    const rows = within(people).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Jordan Doe');
    expect(rows[1]!.textContent).toContain('Be the reference in our market');
    expect(screen.getByRole('combobox', { name: 'Bearing member for Jordan Doe' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change the member for Megan Bowen' })).toBeTruthy();
    expect(screen.getByRole('radiogroup')).toBeTruthy();
    expect(screen.getByText('Team "Ghost" is named.')).toBeTruthy();
    expect(screen.getByText('No time period.')).toBeTruthy();
  });

  it('sends the changed matches, then imports with a progress bar and says what it wrote', async () => {
    const api = new FakeApi({
      me: admin,
      views: { previewVivaImport: [preview()], applyVivaImport: [applied(19)] },
      progress: [
        [25, 50],
        [50, 50],
      ],
    });
    renderInTab(<VivaImportPage api={api} />);
    await screen.findByText('No files chosen yet.');
    chooseFile();
    const jordan = await screen.findByRole('combobox', { name: 'Bearing member for Jordan Doe' });
    fireEvent.change(jordan, { target: { value: ADELE } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Bearing team for Platform' }), {
      target: { value: TEAM_ID },
    });
    fireEvent.click(screen.getByRole('radio', { name: /^KPIs with that range/ }));
    expect(screen.getByText(/You changed some matches/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('19 items created or changed.')).toBeTruthy();
    const [body] = api.callsOf('applyVivaImport')[0] as [Record<string, unknown>];
    expect(body).toMatchObject({
      people: [{ viva: 'jordan@fabrikam.example', userId: ADELE }],
      teams: [{ viva: 'Platform', teamId: TEAM_ID }],
      guardrails: 'kpi',
    });
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    const counts = screen.getByRole('table', { name: 'What the files hold' });
    expect(within(counts).getByRole('row', { name: /Check-ins 7 4/ })).toBeTruthy();
  });

  it('a repeated import says nothing was written', async () => {
    const api = new FakeApi({
      me: admin,
      views: { previewVivaImport: [preview()], applyVivaImport: [applied(0)] },
    });
    renderInTab(<VivaImportPage api={api} />);
    await screen.findByText('No files chosen yet.');
    chooseFile();
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/^Nothing was written/)).toBeTruthy();
  });

  it('shows what the server says is wrong with the files, and blocks the import on errors', async () => {
    const tooBig = new ApiRequestError(
      'HTTP.BODY_TOO_LARGE',
      'The upload is larger than 40 MB.',
      413,
    );
    const blocked = preview({
      counts: { ...preview().counts, errors: 1 },
      issues: [{ severity: 'error', code: 'zip.refused', message: 'The zip holds too much.' }],
    });
    const api = new FakeApi({ me: admin, views: { previewVivaImport: [tooBig, blocked] } });
    renderInTab(<VivaImportPage api={api} />);
    await screen.findByText('No files chosen yet.');
    chooseFile();
    expect((await screen.findByRole('alert')).textContent).toContain('larger than 40 MB');
    chooseFile('bomb.zip');
    expect(await screen.findByText(/1 error must be fixed/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says how to finish an import that stopped half-way', async () => {
    const api = new FakeApi({
      me: admin,
      views: {
        previewVivaImport: [preview()],
        applyVivaImport: [new ApiRequestError('IMPORT.INTERRUPTED', 'stopped', 200)],
      },
    });
    renderInTab(<VivaImportPage api={api} />);
    await screen.findByText('No files chosen yet.');
    chooseFile();
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain('import again to finish it');
  });

  it('downloads the report as CSV (from the server) and as JSON', async () => {
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (saved.push(b), 'blob:x'),
      revokeObjectURL: () => undefined,
    });
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const csv = new Blob(['section,name,value,detail\r\n'], { type: 'text/csv' });
    const api = new FakeApi({
      me: admin,
      views: { previewVivaImport: [preview()], vivaImportReportCsv: [csv] },
    });
    renderInTab(<VivaImportPage api={api} />);
    await screen.findByText('No files chosen yet.');
    chooseFile();
    fireEvent.click(await screen.findByRole('button', { name: 'Download the report (CSV)' }));
    await waitFor(() => expect(names).toEqual(['viva-goals-preview-report.csv']));
    expect(saved[0]).toBe(csv);
    expect((api.callsOf('vivaImportReportCsv')[0]![0] as VivaImportReport).dryRun).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Download the report (JSON)' }));
    await waitFor(() => expect(names).toHaveLength(2));
    expect(names[1]).toBe('viva-goals-preview-report.json');
    click.mockRestore();
  });
});

describe('the Data view', () => {
  it('links admins to the import page, and nobody else', async () => {
    const view = renderInTab(
      <DataView api={new FakeApi({ me: admin, alignment: [teamView()] })} teamId={TEAM_ID} />,
    );
    const link = await screen.findByRole('link', { name: 'Import from Viva Goals' });
    expect(link.getAttribute('href')).toBe(`?view=import&teamId=${TEAM_ID}`);
    view.unmount();
    renderInTab(<DataView api={new FakeApi({ alignment: [teamView()] })} teamId={TEAM_ID} />);
    await screen.findByRole('button', { name: 'Download OKRs as CSV' });
    expect(screen.queryByRole('link', { name: 'Import from Viva Goals' })).toBeNull();
  });
});
