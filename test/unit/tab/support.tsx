import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { KeyResultView, MeResponse, ObjectiveView, TeamViewResponse } from '@bearing/core';
import type { KeyResultChanges, TabApi } from '../../../tab/src/api/client';
import { LocaleContext, createLocale } from '../../../tab/src/i18n/locale';

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
    },
  ) {}

  async getMe(): Promise<MeResponse> {
    this.meCalls += 1;
    const me = this.answers.me ?? meFixture();
    if (me instanceof Error) throw me;
    return me;
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
    return answer;
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
    return answer;
  }
}

export const TEAM_ID = '00000000-0000-0000-0000-000000000031';

export function meFixture(role: 'owner' | 'manager' | 'member' = 'owner'): MeResponse {
  return {
    userId: '00000000-0000-0000-0000-0000000000020',
    tenantId: '00000000-0000-0000-0000-0000000000001',
    displayName: 'Alex Wilber',
    identitySource: 'local',
    teams: [{ id: TEAM_ID, name: 'My Team', role }],
  };
}

export function keyResult(overrides: Partial<KeyResultView> = {}): KeyResultView {
  return {
    id: 'kr-engagement',
    objectiveId: 'obj-engagement',
    title: 'Raise the engagement score from 7.2 to 8.5',
    type: 'number',
    unit: 'points',
    baseline: 7.2,
    target: 8.5,
    current: 7.6,
    direction: 'increase',
    progress: 0.31,
    confidence: 'onTrack',
    ownerId: 'u-alex',
    ownerName: 'Alex Wilber',
    lastCheckInAt: '2026-11-16T09:00:00Z',
    etag: '"kr-1"',
    ...overrides,
  };
}

function objective(overrides: Partial<ObjectiveView> & { id: string }): ObjectiveView {
  return {
    title: overrides.id,
    level: 'team',
    status: 'active',
    ownerId: 'u-alex',
    ownerName: 'Alex Wilber',
    parentIds: [],
    aligned: true,
    progress: 0.4,
    keyResults: [],
    guardrails: [],
    warnings: [],
    etag: `"${overrides.id}"`,
    ...overrides,
  };
}

/** The demo team's view: two company objectives, one objective aligned to both, one unaligned. */
export function teamView(overrides: Partial<TeamViewResponse> = {}): TeamViewResponse {
  return {
    team: { id: TEAM_ID, name: 'My Team', etag: '"team"' },
    cycle: { id: 'FY2027-Q2', name: 'FY2027 Q2', start: '2026-10-01', end: '2026-12-31' },
    progress: 0.42,
    companyObjectives: [
      { id: 'obj-company-people', title: 'Be the place great people choose', progress: 0.4 },
      { id: 'obj-company-growth', title: 'Grow a business our customers love', progress: 0.3 },
    ],
    objectives: [
      objective({
        id: 'obj-engagement',
        title: 'Make My Team a place people want to stay',
        parentIds: ['obj-company-people', 'obj-company-growth'],
        confidence: 'atRisk',
        keyResults: [
          keyResult(),
          keyResult({
            id: 'kr-turnover',
            title: 'Cut voluntary turnover from 14% to 9%',
            type: 'percent',
            unit: '%',
            baseline: 14,
            target: 9,
            current: 12.5,
            direction: 'decrease',
            confidence: 'atRisk',
            ownerName: 'Megan Bowen',
            etag: '"kr-2"',
          }),
        ],
        guardrails: [{ kpiId: 'kpi-enps', name: 'eNPS', status: 'healthy' }],
      }),
      objective({
        id: 'obj-side-project',
        title: 'Refresh the team wiki',
        aligned: false,
        keyResults: [
          keyResult({
            id: 'kr-wiki',
            objectiveId: 'obj-side-project',
            title: 'Rewrite 10 wiki pages',
            confidence: 'offTrack',
            lastCheckInAt: undefined,
            etag: '"kr-3"',
          }),
        ],
        warnings: [
          {
            code: 'LINT.UNALIGNED',
            severity: 'warning',
            message: 'This objective is not aligned to any company objective.',
            objectiveId: 'obj-side-project',
          },
        ],
      }),
    ],
    kpis: [],
    warnings: [],
    members: [],
    week: '2026-W47',
    checkInCompletion: 0.5,
    ...overrides,
  };
}
