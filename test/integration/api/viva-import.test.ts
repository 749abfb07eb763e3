import fs from 'node:fs';
import { schemas, type CheckIn, type KeyResult, type Objective } from '@bearing/core';
import { checkInCardFor } from '../../../bot/src/features/check-in/check-in-views';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../../bot/src/features/demo/demo-organization';
import { resolveMemberContext } from '../../../bot/src/features/common/member-context';
import { startHarness, type Harness } from '../../faults/harness';
import {
  FABRIKAM_DIR,
  NORTHWIND_CSV,
  fabrikamZip,
  fileOf,
  northwindXlsx,
} from '../../support/viva-fixtures';

// Moving in from Viva Goals over the real HTTP API (local identity: an admin) against the embedded
// Cosmos store holding the demo organisation ("My Team", Megan, Adele, Isaiah…) in FY2026-Q2.
const NOW = new Date('2025-11-20T17:00:00Z');
const MEGAN = '00000000-0000-0000-0000-000000000021';
const ADELE = '00000000-0000-0000-0000-000000000022';
const ISAIAH = '00000000-0000-0000-0000-000000000023';
const PREVIEW = '/api/v1/admin/import/viva-goals/preview';
const APPLY = '/api/v1/admin/import/viva-goals/apply';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  // Adele's roster entry knows her e-mail (a lookup attribute); Viva Goals names her "Adele V.".
  const adele = (await h.stores.teams.getMember(DEMO_TENANT_ID, DEMO_TEAM_ID, ADELE))!;
  await h.stores.teams.saveMember({ ...adele.value, email: 'Adele.V@contoso.example' }, adele.etag);
}, 60_000);
afterAll(() => h?.stop());

async function post(path: string, body: unknown) {
  const res = await fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const report = (body: unknown) => schemas.vivaImportReport.parse(body);
const kr = async (id: string, teamId: string | null = DEMO_TEAM_ID) =>
  (await h.stores.okrs.getKeyResult(DEMO_TENANT_ID, teamId, id))?.value as KeyResult;
const objective = async (id: string, teamId: string | null) =>
  (await h.stores.okrs.getObjective(DEMO_TENANT_ID, teamId, id))?.value as Objective;

describe('the organisation JSON export (a zip)', () => {
  let zip: Buffer;
  beforeAll(async () => {
    zip = await fabrikamZip();
  });

  it('previews every mapping decision and writes nothing', async () => {
    const before = await h.contents();
    const res = await post(PREVIEW, { files: [fileOf('fabrikam.zip', zip)] });
    expect(res.status).toBe(200);
    const r = report(res.body);
    expect(r.dryRun).toBe(true);
    expect(r.counts).toMatchObject({
      objectives: 6, // 5 big rocks and one for the key result that had none
      keyResults: 8, // 7 KPIs (the Stay Above one too) and 1 project as a milestone
      checkIns: 7,
      comments: 2,
      cycles: 2,
      teams: 3,
      people: 4,
      unmatchedPeople: 1,
      errors: 0,
      written: 0,
    });
    expect(r.cycles).toEqual(
      expect.arrayContaining([
        { period: 'Annual 2025/2026', cycleId: 'FY2026', exact: true, items: 4 },
        { period: 'Q2 FY26', cycleId: 'FY2026-Q2', exact: true, items: 9 },
        { period: 'H1 2025/26', cycleId: 'FY2026', exact: false, items: 1 },
      ]),
    );
    const teams = Object.fromEntries(r.teams.map((t) => [t.viva, t]));
    expect(teams['My Team']).toMatchObject({ teamId: DEMO_TEAM_ID, match: 'name', listed: true });
    expect(teams['Platform']).toMatchObject({ match: 'new', parent: 'My Team', listed: true });
    expect(teams['Ghost Team']).toMatchObject({ match: 'new', listed: false });
    const people = Object.fromEntries(r.people.map((p) => [p.viva, p]));
    expect(people['Megan Bowen']).toMatchObject({ userId: MEGAN, match: 'name' });
    expect(people['Adele V.']).toMatchObject({ userId: ADELE, match: 'email' });
    expect(people['Isaiah Langer']).toMatchObject({ userId: ISAIAH, match: 'name' });
    expect(people['Jordan Doe']).toMatchObject({ userId: null, match: 'unmatched', itemCount: 2 });
    expect(people['Jordan Doe']!.items.map((i) => i.title).sort()).toEqual([
      'Be the reference in our market',
      'Company NPS',
    ]);
    expect(r.skipped.map((s) => s.code).sort()).toEqual([
      'checkIn.companyLevel',
      'checkIn.noKeyResult',
      'checkIn.noKeyResult',
      'comment.noItem',
      'initiative.noParent',
      'item.incomplete',
      'item.unknownType',
    ]);
    const decisions = r.decisions.map((d) => `${d.subject}: ${d.decision}`).join('\n');
    expect(decisions).toContain('Project: milestone key result');
    expect(decisions).toContain('Several check-ins in one ISO week: the last value wins');
    expect(decisions).toContain('Status "Not Started": confidence on track');
    expect(decisions).toMatch(/Stay Above outcome → guardrail/);
    expect(r.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['duplicate', 'team.notListed', 'keyResult.noObjective']),
    );
    expect(await h.contents()).toBe(before);
  });

  it('imports the tree and its history, then a second import writes nothing', async () => {
    const res = await post(APPLY, { files: [fileOf('fabrikam.zip', zip)] });
    expect(res.status).toBe(200);
    const first = report(res.body);
    expect(first.dryRun).toBe(false);
    expect(first.written).toEqual({
      teams: 2,
      objectives: 6,
      keyResults: 8,
      kpis: 0,
      checkIns: 4, // Megan's two weeks, Isaiah's and Adele's week
      readings: 0,
    });
    expect(first.counts.written).toBe(20);

    // Annual objective → quarterly objectives (one in a new team) → key results.
    const annual = await objective('viva-o-1001', DEMO_TEAM_ID);
    expect(annual).toMatchObject({ cycleId: 'FY2026', level: 'team', ownerId: MEGAN });
    const platformId = first.teams.find((t) => t.viva === 'Platform')!.teamId;
    expect(await h.stores.teams.getTeam(DEMO_TENANT_ID, platformId)).toMatchObject({
      value: { name: 'Platform', parentTeamId: DEMO_TEAM_ID, importedFrom: { name: 'Platform' } },
    });
    const onboarding = await objective('viva-o-1002', platformId);
    expect(onboarding).toMatchObject({
      cycleId: 'FY2026-Q2',
      parentIds: ['viva-o-1001'],
      ownerId: ADELE,
      origin: { system: 'vivaGoals', id: '1002', weights: { 'viva-o-1001': 40 } },
    });
    const company = await objective('viva-o-1003', null);
    expect(company).toMatchObject({
      level: 'company',
      ownerId: 'unassigned',
      origin: { unmatchedOwner: 'Jordan Doe' },
    });
    const delightful = await objective('viva-o-1004', DEMO_TEAM_ID);
    expect(delightful.description).toContain('Kick-off done.\n@Adele V. please review');
    expect(delightful.description).toContain(
      '(on "Weekly active teams"): Count only paying teams?',
    );

    const active = await kr('viva-k-2002');
    expect(active).toMatchObject({
      objectiveId: 'viva-o-1004',
      cycleId: 'FY2026-Q2',
      type: 'number',
      baseline: 120,
      target: 200,
      current: 150,
      direction: 'increase',
      confidence: 'atRisk',
      ownerId: MEGAN,
    });
    expect(await kr('viva-k-2003')).toMatchObject({ direction: 'decrease', ownerId: ISAIAH });
    expect(await kr('viva-k-2005')).toMatchObject({
      type: 'currency',
      unit: 'USD',
      cycleId: 'FY2026',
      origin: { progress: 967 },
    });
    expect(await kr('viva-k-3001')).toMatchObject({
      type: 'milestone',
      objectiveId: 'viva-o-1004',
      current: 1,
      milestones: ['Launch the welcome tour'],
    });

    // Three check-ins in one ISO week: the last value wins, every note kept in order, HTML as text.
    // (Megan's own demo check-in of that week stays; the imported updates and notes join it.)
    const week = (await h.stores.checkIns.getCheckIn(
      DEMO_TENANT_ID,
      DEMO_TEAM_ID,
      MEGAN,
      '2025-W45',
    ))!.value as CheckIn;
    const update = week.updates.find((u) => u.keyResultId === 'viva-k-2002')!;
    expect(update).toMatchObject({ previousValue: 120, value: 140, confidence: 'onTrack' });
    const notes = week.whatChanged!;
    expect(notes.indexOf('Good start.\nTwo teams joined.')).toBeLessThan(
      notes.indexOf('Mid-week bump'),
    );
    expect(notes.indexOf('Mid-week bump')).toBeLessThan(notes.indexOf('line one\nline two'));
    expect(notes).not.toMatch(/<|alert|script|style/);
    const next = (await h.stores.checkIns.getCheckIn(
      DEMO_TENANT_ID,
      DEMO_TEAM_ID,
      MEGAN,
      '2025-W46',
    ))!.value;
    expect(next.updates).toContainEqual({
      keyResultId: 'viva-k-2002',
      previousValue: 140,
      value: 150,
      confidence: 'atRisk',
    });
    expect(next.whatChanged).toContain('Slower than hoped.');

    const before = await h.contents();
    const again = report((await post(APPLY, { files: [fileOf('fabrikam.zip', zip)] })).body);
    expect(again.counts.written).toBe(0);
    expect(await h.contents()).toBe(before);
  });

  it("lists the imported key results on their owner's check-in card", async () => {
    const deps = { stores: h.stores as never, now: () => NOW, newId: () => 'card' };
    const ctx = (await resolveMemberContext(h.stores as never, DEMO_TENANT_ID, MEGAN, NOW))!;
    expect(ctx.cycle.id).toBe('FY2026-Q2');
    const card = JSON.stringify(await checkInCardFor(deps, ctx));
    expect(card).toContain('Weekly active teams');
    expect(card).toContain('Launch the welcome tour');
    expect(card).not.toContain('Support tickets per week'); // Isaiah's
  });

  it('a newer export updates what changed, and an assigned owner stays assigned', async () => {
    const company = (await h.stores.okrs.getObjective(DEMO_TENANT_ID, null, 'viva-o-1003'))!;
    const { unmatchedOwner: _assigned, ...origin } = company.value.origin!;
    await h.stores.okrs.saveObjective({ ...company.value, ownerId: MEGAN, origin }, company.etag);
    const objectives = JSON.parse(
      fs.readFileSync(
        `${FABRIKAM_DIR}/objectives_export_file_4242_77_Organization_4242_20251201093000.json`,
        'utf8',
      ),
    ) as { ID: number; Title: string }[];
    objectives.find((o) => o.ID === 2003)!.Title = 'Support tickets per week (renamed)';
    const newer = await fabrikamZip({
      'objectives_export_file_4242_77_Organization_4242_20251201093000.json':
        JSON.stringify(objectives),
    });
    const r = report((await post(APPLY, { files: [fileOf('fabrikam-newer.zip', newer)] })).body);
    expect(r.written).toMatchObject({ keyResults: 1, objectives: 0, checkIns: 0 });
    expect((await kr('viva-k-2003')).title).toBe('Support tickets per week (renamed)');
    expect((await objective('viva-o-1003', null)).ownerId).toBe(MEGAN);
  });

  it('assigns unmatched people and KPI guardrails when the admin says so (preview)', async () => {
    const r = report(
      (
        await post(PREVIEW, {
          files: [fileOf('fabrikam.zip', zip)],
          people: [{ viva: 'jordan@fabrikam.example', userId: ADELE }],
          guardrails: 'kpi',
        })
      ).body,
    );
    expect(r.people.find((p) => p.viva === 'Jordan Doe')).toMatchObject({
      userId: ADELE,
      match: 'override',
    });
    expect(r.counts).toMatchObject({ unmatchedPeople: 0, kpis: 1, keyResults: 7 });
  });
});

describe('the Explorer export (CSV with custom terminology, and the same data as XLSX)', () => {
  const csv = fs.readFileSync(NORTHWIND_CSV);
  const labels = { Outcome: 'keyResult', Chore: 'ignore' };

  it('asks what custom labels mean, then imports; XLSX of the same data writes nothing more', async () => {
    const unknown = report((await post(PREVIEW, { files: [fileOf('northwind.csv', csv)] })).body);
    expect(unknown.skipped.filter((s) => s.code === 'item.unknownType')).toHaveLength(3);

    const res = await post(APPLY, { files: [fileOf('northwind.csv', csv)], labels });
    expect(res.status).toBe(200);
    const r = report(res.body);
    // The Checkins column: 3 history entries of logos (the one of the last check-in's day gives
    // way to it) and one of churn (its "n/a" entry is unreadable), plus each last check-in.
    expect(r.counts).toMatchObject({ objectives: 1, keyResults: 3, checkIns: 5, errors: 0 });
    expect(r.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['cell.formula', 'duplicate', 'csv.checkinsUnread']),
    );
    expect(r.issues.find((i) => i.code === 'csv.checkinsUnread')?.message).toContain('"n/a"');
    expect(r.skipped.map((s) => s.code)).toEqual(['item.ignoredType']);
    const logos = r.written.keyResults;
    expect(logos).toBe(3);

    const stored = (await h.stores.okrs.listKeyResults(DEMO_TENANT_ID, DEMO_TEAM_ID, ['FY2026-Q2']))
      .map((k) => k.value)
      .filter((k) => k.origin?.id.startsWith('csv-'));
    const byTitle = Object.fromEntries(stored.map((k) => [k.title, k]));
    expect(byTitle['Mid-market logos']).toMatchObject({
      baseline: 5,
      target: 25,
      current: 15,
      confidence: 'atRisk',
      ownerId: MEGAN,
    });
    expect(byTitle['Churn under 2 %']).toMatchObject({ type: 'percent', direction: 'decrease' });
    expect(byTitle['Publish pricing page']).toMatchObject({ type: 'milestone', current: 1 });
    const week = (await h.stores.checkIns.getCheckIn(
      DEMO_TENANT_ID,
      DEMO_TEAM_ID,
      MEGAN,
      '2025-W45',
    ))!.value;
    expect(week.whatChanged).toContain(
      'Pipeline is thin.\nTwo deals slipped; "Contoso" signed.\n\nNext: webinar',
    );
    // The history before it, week by week, values chained from the baseline (5).
    const logosId = byTitle['Mid-market logos']!.id;
    const updateIn = async (userId: string, isoWeek: string, krId: string) => {
      const c = await h.stores.checkIns.getCheckIn(DEMO_TENANT_ID, DEMO_TEAM_ID, userId, isoWeek);
      return { update: c?.value.updates.find((u) => u.keyResultId === krId), c: c?.value };
    };
    expect((await updateIn(MEGAN, '2025-W41', logosId)).update).toEqual({
      keyResultId: logosId,
      previousValue: 5,
      value: 5,
      confidence: 'onTrack',
    });
    const w42 = await updateIn(MEGAN, '2025-W42', logosId);
    expect(w42.update).toEqual({
      keyResultId: logosId,
      previousValue: 5,
      value: 8,
      confidence: 'atRisk',
    });
    expect(w42.c?.whatChanged).toContain('Two demos booked; see CRM');
    expect(week.updates.find((u) => u.keyResultId === logosId)).toMatchObject({
      previousValue: 8,
      value: 15,
    });
    const churn = byTitle['Churn under 2 %']!.id;
    expect((await updateIn(ISAIAH, '2025-W43', churn)).update).toMatchObject({
      value: 3.5,
      confidence: 'atRisk',
    });

    const xlsx = await northwindXlsx();
    const before = await h.contents();
    const same = report(
      (await post(APPLY, { files: [fileOf('northwind.xlsx', xlsx)], labels })).body,
    );
    expect(same.counts).toMatchObject({ objectives: 1, keyResults: 3, checkIns: 5, written: 0 });
    expect(await h.contents()).toBe(before);
  });
});
