import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { schemas, type KeyResultView, type MeResponse, type TeamViewResponse } from '@bearing/core';
import type { KeyResultChanges, TabApi } from '../../../tab/src/api/client';
import type { TabViewsApi } from '../../../tab/src/api/views';
import { LocaleContext, createLocale } from '../../../tab/src/i18n/locale';
import { meFixture } from './fixtures';

/** jsdom lacks what Fluent asks the browser for; these stand-ins answer "no preference". */
export function stubBrowserApis(): void {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', {
      configurable: true,
      value: ResizeObserverStub,
    });
  }
}

/** Renders inside the providers the app puts around every view (Fluent theme, English locale). */
export function renderInTab(ui: ReactElement) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <LocaleContext.Provider value={createLocale('en-GB')}>{ui}</LocaleContext.Provider>
    </FluentProvider>,
  );
}

/** A promise whose outcome the test decides, to hold a request in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type AlignmentAnswer = TeamViewResponse | Error | Promise<TeamViewResponse>;
type UpdateAnswer = KeyResultView | Error;
/** An answer for one of the views' calls: a value, an error to throw, or a pending promise. */
export type ViewAnswer = unknown;
type ViewMethod = keyof TabViewsApi;
/** The calls that answer a file. */
const BLOB_METHODS = ['exportOkrs', 'exportDecisionLog', 'vivaImportReportCsv'] as const;
type BlobMethod = (typeof BLOB_METHODS)[number];
const isBlob = (method: string) => (BLOB_METHODS as readonly string[]).includes(method);

/**
 * The server's answer to each call, as core defines it: every answer the fake gives is checked
 * against it, so a fixture that drifted from the contract fails the test instead of passing a shape
 * the server would never send. (`exportOkrs` answers a file.)
 */
const RESPONSES = {
  getMe: schemas.meResponse,
  getTeamAlignment: schemas.teamViewResponse,
  updateKeyResult: schemas.keyResultView,
  getMeetingAgenda: schemas.meetingAgendaResponse,
  getDashboard: schemas.teamDashboardResponse,
  getMyOkrs: schemas.myOkrsResponse,
  submitMyCheckIn: schemas.myCheckInResponse,
  createObjective: schemas.objectiveSavedResponse,
  updateObjective: schemas.objectiveSavedResponse,
  createKeyResult: schemas.keyResultSavedResponse,
  archiveKeyResult: schemas.keyResultSavedResponse,
  getTeamSettings: schemas.teamSettingsResponse,
  updateTeamSettings: schemas.teamSettingsResponse,
  getCycleClose: schemas.cycleCloseResponse,
  closeCycle: schemas.cycleCloseResponse,
  importOkrs: schemas.okrImportResponse,
  getTeamMembers: schemas.teamMembersResponse,
  setMemberRole: schemas.teamMemberView,
  resolveOpenItem: schemas.openItemView,
  recordDecision: schemas.openItemView,
  getDecisionLog: schemas.decisionLogResponse,
  setAway: schemas.awayResponse,
  previewVivaImport: schemas.vivaImportReport,
  applyVivaImport: schemas.vivaImportReport,
} as const satisfies Record<Exclude<keyof TabApi, BlobMethod>, { safeParse: unknown }>;

/** Answers that did not match core's response schema (checked after every test). */
const drifted: string[] = [];
afterEach(() => {
  const found = drifted.splice(0);
  if (found.length)
    throw new Error(`fixtures differ from core's response schemas:\n${found.join('\n')}`);
});

/** The answer if it matches core's schema of `method`'s response; else it fails the test. */
export function checkedAnswer<T>(method: keyof typeof RESPONSES, value: T): T {
  if (value instanceof Error || value instanceof Promise || value === undefined) return value;
  const result = RESPONSES[method].safeParse(value);
  if (!result.success) {
    const problem = `${method}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    drifted.push(problem);
    throw new Error(`fixture drifted from core's schema — ${problem}`);
  }
  return value;
}

/** A fake `TabApi`: queued answers, and a record of every call. */
export class FakeApi implements TabApi {
  readonly alignmentCalls: { teamId: string; cycleId?: string; search?: string }[] = [];
  readonly updateCalls: { teamId: string; keyResultId: string; changes: KeyResultChanges }[] = [];
  meCalls = 0;

  constructor(
    private readonly answers: {
      me?: MeResponse | Error;
      alignment?: AlignmentAnswer[];
      update?: UpdateAnswer[];
      /** Queued answers per views call; the last one repeats. */
      views?: Partial<Record<ViewMethod, ViewAnswer[]>>;
      /** The progress an apply of a Viva Goals import reports before it answers. */
      progress?: readonly (readonly [number, number])[];
    },
  ) {
    // Checked up front too, so a drifted fixture fails however the view handles the answer.
    if (answers.me) checkedAnswer('getMe', answers.me);
    for (const a of answers.alignment ?? []) checkedAnswer('getTeamAlignment', a);
    for (const a of answers.update ?? []) checkedAnswer('updateKeyResult', a);
    for (const [method, queue] of Object.entries(answers.views ?? {}))
      if (!isBlob(method))
        for (const a of queue ?? []) checkedAnswer(method as keyof typeof RESPONSES, a);
  }

  /** Every views call, by method, with its arguments (signals left out). */
  readonly viewCalls: { method: ViewMethod; args: unknown[] }[] = [];

  callsOf(method: ViewMethod): unknown[][] {
    return this.viewCalls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async answer<T>(method: ViewMethod, args: unknown[]): Promise<T> {
    this.viewCalls.push({
      method,
      args: args.filter((a) => !(a instanceof AbortSignal) && a !== undefined),
    });
    const queue = this.answers.views?.[method] ?? [];
    const answer = queue.length > 1 ? queue.shift() : queue[0];
    if (answer === undefined) throw new Error(`FakeApi: no ${method} answer queued`);
    const value = await answer;
    if (value instanceof Error) throw value;
    return (isBlob(method) ? value : checkedAnswer(method as keyof typeof RESPONSES, value)) as T;
  }

  getMeetingAgenda(
    ...args: Parameters<TabViewsApi['getMeetingAgenda']>
  ): ReturnType<TabViewsApi['getMeetingAgenda']> {
    return this.answer('getMeetingAgenda', args);
  }
  getDashboard(
    ...args: Parameters<TabViewsApi['getDashboard']>
  ): ReturnType<TabViewsApi['getDashboard']> {
    return this.answer('getDashboard', args);
  }
  getMyOkrs(...args: Parameters<TabViewsApi['getMyOkrs']>): ReturnType<TabViewsApi['getMyOkrs']> {
    return this.answer('getMyOkrs', args);
  }
  submitMyCheckIn(
    ...args: Parameters<TabViewsApi['submitMyCheckIn']>
  ): ReturnType<TabViewsApi['submitMyCheckIn']> {
    return this.answer('submitMyCheckIn', args);
  }
  createObjective(
    ...args: Parameters<TabViewsApi['createObjective']>
  ): ReturnType<TabViewsApi['createObjective']> {
    return this.answer('createObjective', args);
  }
  updateObjective(
    ...args: Parameters<TabViewsApi['updateObjective']>
  ): ReturnType<TabViewsApi['updateObjective']> {
    return this.answer('updateObjective', args);
  }
  createKeyResult(
    ...args: Parameters<TabViewsApi['createKeyResult']>
  ): ReturnType<TabViewsApi['createKeyResult']> {
    return this.answer('createKeyResult', args);
  }
  archiveKeyResult(
    ...args: Parameters<TabViewsApi['archiveKeyResult']>
  ): ReturnType<TabViewsApi['archiveKeyResult']> {
    return this.answer('archiveKeyResult', args);
  }
  getTeamSettings(
    ...args: Parameters<TabViewsApi['getTeamSettings']>
  ): ReturnType<TabViewsApi['getTeamSettings']> {
    return this.answer('getTeamSettings', args);
  }
  updateTeamSettings(
    ...args: Parameters<TabViewsApi['updateTeamSettings']>
  ): ReturnType<TabViewsApi['updateTeamSettings']> {
    return this.answer('updateTeamSettings', args);
  }
  getCycleClose(
    ...args: Parameters<TabViewsApi['getCycleClose']>
  ): ReturnType<TabViewsApi['getCycleClose']> {
    return this.answer('getCycleClose', args);
  }
  closeCycle(
    ...args: Parameters<TabViewsApi['closeCycle']>
  ): ReturnType<TabViewsApi['closeCycle']> {
    return this.answer('closeCycle', args);
  }
  importOkrs(
    ...args: Parameters<TabViewsApi['importOkrs']>
  ): ReturnType<TabViewsApi['importOkrs']> {
    return this.answer('importOkrs', args);
  }
  exportOkrs(
    ...args: Parameters<TabViewsApi['exportOkrs']>
  ): ReturnType<TabViewsApi['exportOkrs']> {
    return this.answer('exportOkrs', args);
  }

  getTeamMembers(
    ...args: Parameters<TabViewsApi['getTeamMembers']>
  ): ReturnType<TabViewsApi['getTeamMembers']> {
    return this.answer('getTeamMembers', args);
  }
  setMemberRole(
    ...args: Parameters<TabViewsApi['setMemberRole']>
  ): ReturnType<TabViewsApi['setMemberRole']> {
    return this.answer('setMemberRole', args);
  }
  resolveOpenItem(
    ...args: Parameters<TabViewsApi['resolveOpenItem']>
  ): ReturnType<TabViewsApi['resolveOpenItem']> {
    return this.answer('resolveOpenItem', args);
  }
  recordDecision(
    ...args: Parameters<TabViewsApi['recordDecision']>
  ): ReturnType<TabViewsApi['recordDecision']> {
    return this.answer('recordDecision', args);
  }
  getDecisionLog(
    ...args: Parameters<TabViewsApi['getDecisionLog']>
  ): ReturnType<TabViewsApi['getDecisionLog']> {
    return this.answer('getDecisionLog', args);
  }
  setAway(...args: Parameters<TabViewsApi['setAway']>): ReturnType<TabViewsApi['setAway']> {
    return this.answer('setAway', args);
  }
  exportDecisionLog(
    ...args: Parameters<TabViewsApi['exportDecisionLog']>
  ): ReturnType<TabViewsApi['exportDecisionLog']> {
    return this.answer('exportDecisionLog', args);
  }

  previewVivaImport(
    ...args: Parameters<TabViewsApi['previewVivaImport']>
  ): ReturnType<TabViewsApi['previewVivaImport']> {
    return this.answer('previewVivaImport', args);
  }
  /** Reports each queued `progress` step, then answers the queued report. */
  async applyVivaImport(
    ...[body, onProgress]: Parameters<TabViewsApi['applyVivaImport']>
  ): ReturnType<TabViewsApi['applyVivaImport']> {
    for (const [done, total] of this.answers.progress ?? []) onProgress(done, total);
    return this.answer('applyVivaImport', [body]);
  }
  vivaImportReportCsv(
    ...args: Parameters<TabViewsApi['vivaImportReportCsv']>
  ): ReturnType<TabViewsApi['vivaImportReportCsv']> {
    return this.answer('vivaImportReportCsv', args);
  }

  async getMe(): Promise<MeResponse> {
    this.meCalls += 1;
    const me = this.answers.me ?? meFixture();
    if (me instanceof Error) throw me;
    return checkedAnswer('getMe', me);
  }

  async getTeamAlignment(
    teamId: string,
    query: { cycleId?: string; search?: string },
  ): Promise<TeamViewResponse> {
    this.alignmentCalls.push({ teamId, ...query });
    const queue = this.answers.alignment ?? [];
    // The last answer repeats, so a quiet reload gets the latest view.
    const answer = queue.length > 1 ? queue.shift() : queue[0];
    if (answer === undefined) throw new Error('FakeApi: no alignment answer queued');
    if (answer instanceof Error) throw answer;
    return checkedAnswer('getTeamAlignment', await answer);
  }

  async updateKeyResult(
    teamId: string,
    keyResultId: string,
    changes: KeyResultChanges,
  ): Promise<KeyResultView> {
    this.updateCalls.push({ teamId, keyResultId, changes });
    const answer = (this.answers.update ?? []).shift();
    if (answer === undefined) throw new Error('FakeApi: no update answer queued');
    if (answer instanceof Error) throw answer;
    return checkedAnswer('updateKeyResult', answer);
  }
}

export * from './fixtures';
