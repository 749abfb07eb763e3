import { schemas } from '@bearing/core';
import { ALEX, MEGAN, TEAM, errorOf, tabSession } from './tab-session';

const { token, member, foreign, call } = tabSession();

const myOkrs = async (bearer = token()) => {
  const res = await call('GET', '/me/okrs', bearer);
  expect(res.status).toBe(200);
  return schemas.myOkrsResponse.parse(res.body);
};
const settings = async () => {
  const res = await call('GET', `/teams/${TEAM}/settings`);
  expect(res.status).toBe(200);
  return schemas.teamSettingsResponse.parse(res.body);
};

describe('the meeting agenda before anyone checks in this week', () => {
  it('reviews last week’s check-ins and says which week they are from', async () => {
    const res = await call('GET', `/teams/${TEAM}/meeting-agenda`);
    expect(res.status).toBe(200);
    const agenda = schemas.meetingAgendaResponse.parse(res.body);
    expect(agenda.checkInCompletion).toMatchObject({ week: agenda.week, done: 0 });
    expect(agenda.notesWeek).not.toBe(agenda.week);
    expect(agenda.notesWeek < agenda.week).toBe(true);
    // The demo organisation's check-ins of last week, with their notes and authors.
    expect(agenda.changes.length).toBeGreaterThan(0);
    expect(agenda.changes.every((n) => n.author.displayName.length > 0)).toBe(true);
  });
});

describe('the meeting agenda once someone checks in this week with no notes', () => {
  const agenda = async () => {
    const res = await call('GET', `/teams/${TEAM}/meeting-agenda`);
    expect(res.status).toBe(200);
    return schemas.meetingAgendaResponse.parse(res.body);
  };

  it('keeps last week’s open blockers and decisions, and marks what is new this week', async () => {
    const before = await agenda();
    const lastWeek = before.notesWeek;
    expect(before.blockers.length).toBeGreaterThan(0);
    expect([...before.blockers, ...before.decisions].every((n) => n.since === lastWeek)).toBe(true);

    // Megan checks in her values only: nothing she wrote last week is resolved by that.
    const mine = (await myOkrs(member())).teams.find((t) => t.team.id === TEAM)!;
    const quiet = await call('POST', '/me/check-ins', member(), {
      teamId: TEAM,
      submissionId: 'tab-agenda-quiet-0001',
      cycleId: mine.cycle.id,
      week: mine.week,
      updates: mine.keyResults.map((k) => ({
        keyResultId: k.id,
        value: k.current,
        confidence: k.confidence,
      })),
    });
    expect(quiet.status).toBe(200);
    const after = await agenda();
    expect(after.checkInCompletion.done).toBe(1);
    expect(after.blockers.map((n) => [n.author.userId, n.text])).toEqual(
      before.blockers.map((n) => [n.author.userId, n.text]),
    );
    expect(after.decisions.map((n) => n.text)).toEqual(before.decisions.map((n) => n.text));
    expect(after.blockers.every((n) => n.since === lastWeek)).toBe(true);

    // A blocker written this week joins them, marked as this week's; one repeated is not new.
    const again = before.blockers.find((n) => n.author.userId === MEGAN);
    const noisy = await call('POST', '/me/check-ins', member(), {
      teamId: TEAM,
      submissionId: 'tab-agenda-noisy-0001',
      cycleId: mine.cycle.id,
      week: mine.week,
      updates: mine.keyResults.map((k) => ({
        keyResultId: k.id,
        value: k.current,
        confidence: k.confidence,
      })),
      blockers: again ? again.text : 'Interview panel has no slots.',
    });
    expect(noisy.status).toBe(200);
    const latest = await agenda();
    const megans = latest.blockers.filter((n) => n.author.userId === MEGAN);
    expect(megans).toHaveLength(1);
    expect(megans[0]?.since).toBe(again ? lastWeek : latest.week);
    expect(latest.blockers.length).toBe(before.blockers.length + (again ? 0 : 1));
  });
});

describe('my OKRs and check-ins from the tab', () => {
  it('lists the caller’s key results per team with what the check-in form needs', async () => {
    const mine = await myOkrs();
    expect(mine.userId).toBe(ALEX);
    const team = mine.teams.find((t) => t.team.id === TEAM)!;
    expect(team.team).toMatchObject({ name: 'My Team', role: 'owner' });
    expect(team.week).toMatch(/^\d{4}-W\d{2}$/);
    expect(team.keyResults.length).toBeGreaterThan(0);
    expect(team.keyResults.every((k) => k.ownerId === ALEX)).toBe(true);
    expect(team.keyResults.map((k) => k.id)).toContain('kr-engagement');
  });

  it('submits through the card’s use case: KR updated, history and agenda show it, retry is a replay', async () => {
    const before = (await myOkrs()).teams.find((t) => t.team.id === TEAM)!;
    const body = {
      teamId: TEAM,
      submissionId: 'tab-submission-0001',
      cycleId: before.cycle.id,
      week: before.week,
      updates: [{ keyResultId: 'kr-engagement', value: 7.9, confidence: 'atRisk' }],
      whatChanged: 'Ran the first stay interviews.',
      blockers: 'Survey tool licence expired.',
      decisionNeeded: 'Renew the survey tool or switch?',
    };
    const first = await call('POST', '/me/check-ins', token(), body);
    expect(first.status).toBe(200);
    const saved = schemas.myCheckInResponse.parse(first.body);
    expect(saved.replayed).toBe(false);
    expect(saved.checkIn.updates[0]).toMatchObject({ keyResultId: 'kr-engagement', value: 7.9 });
    expect(saved.keyResults.find((k) => k.id === 'kr-engagement')).toMatchObject({
      current: 7.9,
      confidence: 'atRisk',
    });
    const retry = await call('POST', '/me/check-ins', token(), body);
    expect(schemas.myCheckInResponse.parse(retry.body).replayed).toBe(true);

    const after = (await myOkrs()).teams.find((t) => t.team.id === TEAM)!;
    expect(after.thisWeek?.whatChanged).toBe('Ran the first stay interviews.');
    const kr = after.keyResults.find((k) => k.id === 'kr-engagement')!;
    expect(kr.points).toContainEqual(
      expect.objectContaining({ week: before.week, value: 7.9, confidence: 'atRisk' }),
    );

    const agenda = await call('GET', `/teams/${TEAM}/meeting-agenda`);
    expect(agenda.status).toBe(200);
    const view = schemas.meetingAgendaResponse.parse(agenda.body);
    // This week's decision, beside the demo's open one from last week (items stay until resolved).
    const decision = view.decisions.find(
      (d) => d.author.userId === ALEX && d.text === 'Renew the survey tool or switch?',
    );
    expect(decision).toMatchObject({
      text: 'Renew the survey tool or switch?',
      since: view.week,
      author: { displayName: 'Alex Wilber' },
      keyResults: [{ id: 'kr-engagement' }],
    });
    expect(view.blockers.map((b) => b.text)).toContain('Survey tool licence expired.');
    expect(view.openItems.find((i) => i.text === 'Renew the survey tool or switch?')).toMatchObject(
      { kind: 'decision', isNew: true, ageWeeks: 0, status: 'open' },
    );
    expect(view.atRisk.map((k) => k.id)).toContain('kr-engagement');
    expect(view.checkInCompletion.done).toBeGreaterThanOrEqual(1);
    expect(view.notesWeek).toBe(view.week);

    const dashboard = await call('GET', `/teams/${TEAM}/dashboard`);
    expect(dashboard.status).toBe(200);
    const d = schemas.teamDashboardResponse.parse(dashboard.body);
    expect(d.keyResults.find((k) => k.id === 'kr-engagement')?.points).toContainEqual(
      expect.objectContaining({ week: before.week, value: 7.9 }),
    );
    expect(d.checkInCompletion.find((w) => w.week === before.week)?.done).toBeGreaterThanOrEqual(1);
    expect(d.checkInCompletion.every((w) => w.expected >= w.done)).toBe(true);
    expect(d.kpis.length).toBeGreaterThan(0);
    expect(d.kpis.find((g) => g.kpi.id === 'kpi-uptime')?.readings.length).toBeGreaterThan(1);
    expect(d.atRisk.map((k) => k.id)).toContain('kr-engagement');
  });

  it('rejects bad check-ins with 4xx JSON and changes nothing', async () => {
    const team = (await myOkrs()).teams.find((t) => t.team.id === TEAM)!;
    const current = team.keyResults.find((k) => k.id === 'kr-turnover')!;
    const base = {
      teamId: TEAM,
      submissionId: 'tab-submission-bad-1',
      cycleId: team.cycle.id,
      week: team.week,
      updates: [{ keyResultId: 'kr-turnover', value: 11, confidence: 'onTrack' }],
    };
    const cases: [Record<string, unknown>, number, string | undefined][] = [
      [
        { updates: [{ keyResultId: 'kr-turnover', value: 'x', confidence: 'onTrack' }] },
        400,
        'updates.0.value',
      ],
      [{ week: '2019-W01' }, 400, 'week'],
      [
        { updates: [{ keyResultId: 'kr-hiring-nope', value: 1, confidence: 'onTrack' }] },
        400,
        undefined,
      ],
      [{ teamId: 'team-of-someone-else' }, 404, undefined],
      [{ tenantId: 'x' }, 400, undefined],
    ];
    for (const [change, status, field] of cases) {
      const res = await call('POST', '/me/check-ins', token(), { ...base, ...change });
      expect(res.status).toBe(status);
      if (field) expect(errorOf(res).field).toBe(field);
    }
    const foreignCall = await call('POST', '/me/check-ins', foreign(), base);
    expect(foreignCall.status).toBe(404);
    const after = (await myOkrs()).teams.find((t) => t.team.id === TEAM)!;
    expect(after.keyResults.find((k) => k.id === 'kr-turnover')).toMatchObject({
      current: current.current,
      etag: current.etag,
    });
  });
});

describe('team settings', () => {
  it('members read them (read-only); owners change them with the ETag; stale gets 409', async () => {
    const asMember = await call('GET', `/teams/${TEAM}/settings`, member());
    expect(asMember.status).toBe(200);
    expect(asMember.body).toMatchObject({ canEdit: false });
    const s = await settings();
    expect(s.canEdit).toBe(true);
    const changed = await call(
      'PATCH',
      `/teams/${TEAM}/settings`,
      token(),
      { checkInDay: 3, checkInTime: '10:30', kpiEscalationMinutes: 120 },
      { 'if-match': s.etag },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      checkInDay: 3,
      checkInTime: '10:30',
      kpiEscalationMinutes: 120,
      timeZone: s.timeZone,
    });
    const stale = await call('PATCH', `/teams/${TEAM}/settings`, token(), {
      etag: s.etag,
      checkInDay: 4,
    });
    expect(stale.status).toBe(409);
    expect(await settings()).toMatchObject({ checkInDay: 3, checkInTime: '10:30' });
  });

  it('refuses members (403), other tenants (404) and bad values (400 with the field)', async () => {
    const s = await settings();
    const asMember = await call('PATCH', `/teams/${TEAM}/settings`, member(), {
      etag: s.etag,
      checkInDay: 1,
    });
    expect(asMember.status).toBe(403);
    expect((await call('GET', `/teams/${TEAM}/settings`, foreign())).status).toBe(404);
    const asForeign = await call('PATCH', `/teams/${TEAM}/settings`, foreign(), {
      etag: s.etag,
      checkInDay: 1,
    });
    expect(asForeign.status).toBe(404);
    for (const [change, field] of [
      [{ checkInDay: 8 }, 'checkInDay'],
      [{ checkInTime: '25:00' }, 'checkInTime'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ reminderOffsetMinutes: -5 }, 'reminderOffsetMinutes'],
      [{ kpiEscalationMinutes: 1 }, 'kpiEscalationMinutes'],
    ] as const) {
      const res = await call('PATCH', `/teams/${TEAM}/settings`, token(), {
        etag: s.etag,
        ...change,
      });
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'VALIDATION.FAILED', field });
    }
    expect(await settings()).toEqual(s);
  });
});

describe('read views', () => {
  it.each(['dashboard', 'meeting-agenda'])(
    '%s: members may read, other tenants and strangers get 404, bad queries 400',
    async (view) => {
      expect((await call('GET', `/teams/${TEAM}/${view}`, member())).status).toBe(200);
      expect((await call('GET', `/teams/${TEAM}/${view}`, foreign())).status).toBe(404);
      const stranger = token({ oid: '12345678-1234-4234-8234-123456789012' });
      expect((await call('GET', `/teams/${TEAM}/${view}`, stranger)).status).toBe(404);
      const bad = await call('GET', `/teams/${TEAM}/${view}?cycleId=Q9`);
      expect(bad.status).toBe(400);
      expect(errorOf(bad).field).toBe('cycleId');
    },
  );
});
