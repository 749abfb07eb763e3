/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRequestError } from '../../../tab/src/api/errors';
import { AlignmentView } from '../../../tab/src/components/AlignmentView';
import { parseNumber } from '../../../tab/src/components/EditKeyResultDialog';
import type { TeamViewResponse } from '@bearing/core';
import {
  FakeApi,
  TEAM_ID,
  deferred,
  keyResult,
  renderInTab,
  stubBrowserApis,
  teamView,
} from './support';

beforeAll(stubBrowserApis);

const KR_TITLE = 'Raise the engagement score from 7.2 to 8.5';

async function openEditor(api: FakeApi) {
  renderInTab(<AlignmentView api={api} teamId={TEAM_ID} canEdit />);
  const people = await screen.findByRole('region', { name: 'Be the place great people choose' });
  fireEvent.click(within(people).getByRole('button', { name: `Edit key result ${KR_TITLE}` }));
  return screen.findByRole('dialog');
}

function field(dialog: HTMLElement, name: string): HTMLInputElement {
  return within(dialog).getByRole('textbox', { name }) as HTMLInputElement;
}

describe('Edit key result', () => {
  it('validates target and current before saving', async () => {
    const api = new FakeApi({ alignment: [teamView()] });
    const dialog = await openEditor(api);
    expect(field(dialog, 'Target').value).toBe('8.5');
    fireEvent.change(field(dialog, 'Current value'), { target: { value: '' } });
    fireEvent.change(field(dialog, 'Target'), { target: { value: 'lots' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter a value.')).toBeTruthy();
    expect(within(dialog).getByText('Enter a number, such as 8.5.')).toBeTruthy();
    expect(field(dialog, 'Target').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field(dialog, 'Target'));
    expect(api.updateCalls).toHaveLength(0);
  });

  it('saves only what changed with the etag, updates the tree and announces it', async () => {
    const saved = keyResult({ current: 8, progress: 0.62, confidence: 'atRisk', etag: '"kr-1b"' });
    const api = new FakeApi({ alignment: [teamView()], update: [saved] });
    const dialog = await openEditor(api);
    fireEvent.change(field(dialog, 'Current value'), { target: { value: '8,0' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'At risk' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.updateCalls).toEqual([
      {
        teamId: TEAM_ID,
        keyResultId: 'kr-engagement',
        changes: { etag: '"kr-1"', current: 8, confidence: 'atRisk' },
      },
    ]);
    expect(screen.getByText(`Saved “${KR_TITLE}”.`).getAttribute('aria-live')).toBe('polite');
    // Objective progress rolls up on the server, so the view reloads quietly after a save.
    await waitFor(() => expect(api.alignmentCalls).toHaveLength(2));
  });

  it('shows the edited values in the tree right after saving', async () => {
    const saved = keyResult({ current: 8, progress: 0.62, etag: '"kr-1b"' });
    // The quiet reload never answers: only the saved key result can change what is shown.
    const reload = deferred<TeamViewResponse>();
    const api = new FakeApi({ alignment: [teamView(), reload.promise], update: [saved] });
    const dialog = await openEditor(api);
    fireEvent.change(field(dialog, 'Current value'), { target: { value: '8' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getAllByText('Now 8 points · target 8.5 points')).toHaveLength(2),
    );
    // Only the unaligned wiki key result (same fixture values) still reads 7.6.
    expect(screen.getAllByText('Now 7.6 points · target 8.5 points')).toHaveLength(1);
    expect(api.alignmentCalls).toHaveLength(2);
  });

  it('on a conflict says so, reloads, and shows the latest values', async () => {
    const latest = teamView();
    latest.objectives[0]!.keyResults[0] = keyResult({ current: 7.9, etag: '"kr-1-theirs"' });
    const api = new FakeApi({
      alignment: [teamView(), latest],
      update: [new ApiRequestError('STORE.CONFLICT', 'Changed by someone else.', 409)],
    });
    const dialog = await openEditor(api);
    fireEvent.change(field(dialog, 'Current value'), { target: { value: '8.1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        'Someone else changed this key result. Showing the latest — apply your change again.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(field(dialog, 'Current value').value).toBe('7.9'));
    expect(document.activeElement).toBe(field(dialog, 'Current value'));
    expect(api.alignmentCalls).toHaveLength(2);
    // Saving again sends the new etag.
    fireEvent.change(field(dialog, 'Current value'), { target: { value: '8.1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.updateCalls).toHaveLength(2));
    expect(api.updateCalls[1]?.changes).toEqual({ etag: '"kr-1-theirs"', current: 8.1 });
  });

  it('shows a server validation message next to the field it names', async () => {
    const api = new FakeApi({
      alignment: [teamView()],
      update: [
        new ApiRequestError('VALIDATION.FAILED', 'target: Enter a finite number.', 400, 'target'),
      ],
    });
    const dialog = await openEditor(api);
    fireEvent.change(field(dialog, 'Target'), { target: { value: '1e16' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter a finite number.')).toBeTruthy();
    expect(field(dialog, 'Target').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a refusal for members in words', async () => {
    const api = new FakeApi({
      alignment: [teamView()],
      update: [new ApiRequestError('AUTH.FORBIDDEN', 'Forbidden.', 403)],
    });
    const dialog = await openEditor(api);
    fireEvent.change(field(dialog, 'Current value'), { target: { value: '7.7' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Only team owners and managers can change this.'),
    ).toBeTruthy();
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber(' 8,5 ')).toBe(8.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBe(1000);
    for (const bad of ['', 'abc', '1.2.3', '8,5,1', 'Infinity', '0x10']) {
      expect(parseNumber(bad)).toBeUndefined();
    }
  });
});
