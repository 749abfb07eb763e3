import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_TEAM_SETTINGS } from '@bearing/core';
import { openStores } from '../bot/src/store';
import { OperationCounter } from '../bot/src/store/op-counter';
import { createLogger } from '../bot/src/observability/logger';
import { runVivaImport } from '../bot/src/features/viva-import/run-import';
import { option, report } from './report';

const TENANT = '00000000-0000-0000-0000-0000000000b1';
const STAMP = '_export_file_1_1_Organization_1_20251201000000.json';

/**
 * A generated organisation export: `objectives` Big rocks (a tenth annual, the rest quarterly and
 * aligned to one), four Kpis per objective, and `checkIns` check-ins spread over the quarter's
 * weeks (several per week, so the week merge is exercised), zipped as Viva Goals delivered it.
 */
async function generatedExport(objectives: number, checkIns: number): Promise<Buffer> {
  const teams = Array.from({ length: 20 }, (_, i) => ({
    ID: 100 + i,
    'Team Name': `Team ${i}`,
    'Parent Team': i ? 'Team 0' : '',
  }));
  const users = Array.from({ length: 60 }, (_, i) => ({
    ID: 500 + i,
    Name: `Person ${i}`,
    Email: `p${i}@fabrikam.example`,
  }));
  const person = (i: number) => ({
    ID: 500 + (i % 60),
    Name: `Person ${i % 60}`,
    Email: `p${i % 60}@fabrikam.example`,
  });
  const annual = { ID: 1, Name: 'Annual 2026' };
  const q1 = { ID: 2, Name: 'Q1 2026' };
  const rows: Record<string, unknown>[] = [];
  const annuals = Math.max(1, Math.floor(objectives / 10));
  for (let o = 0; o < objectives; o += 1) {
    const isAnnual = o < annuals;
    rows.push({
      ID: 10_000 + o,
      Title: `Objective ${o}`,
      Type: 'Big rock',
      Owner: [person(o)],
      Teams: [{ ID: 100 + (o % 20), Name: `Team ${o % 20}` }],
      'Time Period': isAnnual ? annual : q1,
      'Start Date': '2026-01-01',
      'End Date': isAnnual ? '2026-12-31' : '2026-03-31',
      'Parent IDs': isAnnual ? [] : [10_000 + (o % annuals)],
      Alignment: isAnnual ? null : [{ ID: 10_000 + (o % annuals), Weight: '25.0%' }],
      Status: 'On Track',
      Outcome: { 'Outcome Type': 'Percentage' },
    });
    for (let k = 0; k < 4; k += 1)
      rows.push({
        ID: 100_000 + o * 4 + k,
        Title: `Key result ${o}.${k}`,
        Type: 'Kpi',
        Owner: [person(o + k)],
        Teams: null,
        'Time Period': q1,
        'Start Date': '2026-01-01',
        'End Date': '2026-03-31',
        'Parent IDs': [10_000 + o],
        Outcome: {
          'Outcome Type': 'Metric',
          'Metric Unit': 'Number',
          Start: 0,
          Target: 100,
          'Target Type': 'Increase From',
        },
      });
  }
  const krs = objectives * 4;
  const checkInRows = Array.from({ length: checkIns }, (_, i) => {
    const kr = i % krs;
    const n = Math.floor(i / krs);
    const day = new Date(Date.UTC(2026, 0, 5) + n * 4 * 86_400_000 + (kr % 7) * 3_600_000);
    return {
      ID: 1_000_000 + i,
      'OKR ID': 100_000 + kr,
      'CheckIn Date': day.toISOString().replace('T', ' ').slice(0, 19),
      'Check In Owner': person(Math.floor(kr / 4) + (kr % 4)),
      'Check In Note': {
        'Check In Note': `Update ${n}`,
        'Check In Note HTML': `<p>Update ${n}</p>`,
      },
      Status: n % 5 === 4 ? 'At Risk' : 'On Track',
      'Current Value': n * 7,
    };
  });
  const zip = new JSZip();
  zip.file(`objectives${STAMP}`, JSON.stringify(rows));
  zip.file(`checkins${STAMP}`, JSON.stringify(checkInRows));
  zip.file(`Teams${STAMP}`, JSON.stringify(teams));
  zip.file(`Users${STAMP}`, JSON.stringify(users));
  zip.file(
    `TimePeriods${STAMP}`,
    JSON.stringify([
      {
        ID: 1,
        'Time Period Name': 'Annual 2026',
        'Start Date': '2026-01-01',
        'End Date': '2026-12-31',
      },
      {
        ID: 2,
        'Time Period Name': 'Q1 2026',
        'Start Date': '2026-01-01',
        'End Date': '2026-03-31',
      },
    ]),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * `npm run bench -- import [--objectives 2000] [--check-ins 100000] [--save]`: a Viva Goals import
 * of a generated organisation into the local-mode store (embedded Cosmos): preview, apply, and
 * the same import again. Reports rows per second, peak RSS and store operations per row.
 */
export async function importBench(args: readonly string[]): Promise<void> {
  const objectives = Number(option(args, 'objectives') ?? 2000);
  const checkIns = Number(option(args, 'check-ins') ?? 100_000);
  const zip = await generatedExport(objectives, checkIns);
  const rows = objectives * 5 + checkIns;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-import-'));
  const counter = new OperationCounter();
  const stores = await openStores({
    databaseId: 'bearing',
    dataDir,
    logger: createLogger('warn'),
    counter,
  });
  const now = new Date('2026-02-15T12:00:00Z');
  await stores.organizations.saveOrganization({
    tenantId: TENANT,
    name: 'Bench',
    fiscalStartMonth: 1,
    defaultTimeZone: 'UTC',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await stores.teams.saveTeam({
    tenantId: TENANT,
    id: 'team-0',
    name: 'Team 0',
    settings: DEFAULT_TEAM_SETTINGS,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  for (let i = 0; i < 60; i += 1)
    await stores.teams.saveMember({
      tenantId: TENANT,
      teamId: 'team-0',
      userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Person ${i}`,
      ...(i % 2 ? { email: `p${i}@fabrikam.example` } : {}),
      role: 'member',
      active: true,
      joinedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  const request = { files: [{ name: 'bench.zip', data: zip.toString('base64') }] };
  const ops = () => Object.values(counter.snapshot()).reduce((n, v) => n + v, 0);
  const timed = async (dryRun: boolean) => {
    counter.reset();
    const t0 = performance.now();
    const outcome = await runVivaImport(stores, TENANT, request, dryRun, now);
    return { seconds: (performance.now() - t0) / 1000, ops: ops(), report: outcome.report };
  };
  try {
    const preview = await timed(true);
    const apply = await timed(false);
    const again = await timed(false);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const c = apply.report.counts;
    report(
      'import',
      [
        [
          'generated export',
          `${objectives} objectives, ${objectives * 4} key results, ${checkIns} check-ins (${(zip.length / 1024 / 1024).toFixed(1)} MB zipped)`,
        ],
        [
          'imported',
          `${c.objectives} objectives, ${c.keyResults} key results, ${c.checkIns} check-ins, ${c.written} documents written in ${apply.report.batches} batches`,
        ],
        [
          'preview',
          `${preview.seconds.toFixed(1)} s (${Math.round(rows / preview.seconds)} rows/s), ${preview.ops} store operations`,
        ],
        [
          'apply',
          `${apply.seconds.toFixed(1)} s (${Math.round(rows / apply.seconds)} rows/s), ${(apply.ops / rows).toFixed(3)} store operations per row`,
        ],
        [
          'same import again',
          `${again.seconds.toFixed(1)} s, ${again.report.counts.written} written, ${(again.ops / rows).toFixed(3)} store operations per row`,
        ],
        ['peak RSS', `${peakRssMb} MB`],
      ],
      {
        rows,
        previewRowsPerSecond: Math.round(rows / preview.seconds),
        applyRowsPerSecond: Math.round(rows / apply.seconds),
        applyStoreOpsPerRow: Number((apply.ops / rows).toFixed(3)),
        repeatStoreOpsPerRow: Number((again.ops / rows).toFixed(3)),
        written: c.written,
        repeatWritten: again.report.counts.written,
        peakRssMb,
      },
      option(args, 'save') === 'true',
    );
  } finally {
    await stores.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
