import {
  cycleById,
  formatZodError,
  ok,
  schemas,
  type CreateKeyResultRequest,
  type CsvRowError,
  type KeyResult,
  type Objective,
  type OkrImportResponse,
  type Result,
} from '@bearing/core';
import { readCsvTable, summariseRowErrors } from '../kpis';
import type { ObjectiveStores } from '../objectives';
import { invalid, roleIn, type Caller } from '../common';

/** Objectives one import may create. */
export const MAX_IMPORT_OBJECTIVES = 50;

// Header names accepted for each column (lower case); the export writes the first of each.
const ALIASES: Record<string, readonly string[]> = {
  objective: ['objective', 'objectivetitle', 'objective title'],
  keyResult: ['keyresult', 'key result', 'keyresulttitle', 'kr'],
  type: ['type'],
  unit: ['unit'],
  baseline: ['baseline', 'start'],
  target: ['target'],
  direction: ['direction'],
  ownerId: ['ownerid', 'owner'],
};

interface PlannedObjective {
  title: string;
  ownerId: string;
  line: number;
  keyResults: (CreateKeyResultRequest & { line: number })[];
}

type RowError = CsvRowError;

/**
 * Parses an OKR CSV (one row per key result; a row without a key result is an objective on its
 * own; rows with the same objective title belong together). Each bad row is reported with its line
 * number and field; owners must be active members of the team.
 */
export function parseOkrCsv(
  csv: string,
  cycleId: string,
  defaultOwnerId: string,
  isMember: (userId: string) => boolean,
): { objectives: PlannedObjective[]; errors: RowError[]; valid: number } {
  const read = readCsvTable(csv);
  if ('error' in read) return { objectives: [], errors: [read.error], valid: 0 };
  const header = read.table.header.map((h) => h.toLowerCase());
  const col = Object.fromEntries(
    Object.entries(ALIASES).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))]),
  ) as Record<keyof typeof ALIASES, number>;
  if (col.objective === undefined || col.objective < 0)
    return {
      objectives: [],
      errors: [
        {
          line: 1,
          code: 'csv.header',
          message:
            'The first line must name the columns: objective,keyResult,type,unit,baseline,target,direction,ownerId.',
        },
      ],
      valid: 0,
    };
  const objectives = new Map<string, PlannedObjective>();
  const errors: RowError[] = [];
  let valid = 0;
  for (const { line, cells } of read.table.records) {
    const at = (k: keyof typeof ALIASES) => {
      const c = col[k] ?? -1;
      return c >= 0 ? (cells[c] ?? '').trim() : '';
    };
    const ownerId = at('ownerId') || defaultOwnerId;
    const objective = schemas.createObjectiveRequest.safeParse({
      cycleId,
      title: at('objective'),
      ownerId,
    });
    if (!objective.success) {
      const e = formatZodError(objective.error);
      errors.push({ line, code: 'objective.invalid', message: e.message, field: 'objective' });
      continue;
    }
    if (!isMember(ownerId)) {
      errors.push({
        line,
        code: 'owner.notMember',
        message: 'The owner must be a member of the team.',
        field: 'ownerId',
      });
      continue;
    }
    const key = objective.data.title.toLowerCase();
    let planned = objectives.get(key);
    if (!planned) {
      if (objectives.size >= MAX_IMPORT_OBJECTIVES) {
        errors.push({
          line,
          code: 'objective.tooMany',
          message: `At most ${MAX_IMPORT_OBJECTIVES} objectives per import.`,
          field: 'objective',
        });
        continue;
      }
      planned = { title: objective.data.title, ownerId, line, keyResults: [] };
      objectives.set(key, planned);
    }
    if (at('keyResult')) {
      const num = (k: 'baseline' | 'target') =>
        at(k) === '' ? undefined : Number(at(k).replace(/\s/g, ''));
      const kr = schemas.createKeyResultRequest.safeParse({
        title: at('keyResult'),
        type: at('type') || 'number',
        ...(at('unit') ? { unit: at('unit') } : {}),
        baseline: num('baseline'),
        target: num('target'),
        ...(at('direction') ? { direction: at('direction') } : {}),
        ownerId,
      });
      if (!kr.success) {
        const e = formatZodError(kr.error);
        errors.push({
          line,
          code: 'keyResult.invalid',
          message: e.message,
          ...(e.field ? { field: e.field } : {}),
        });
        continue;
      }
      if (planned.keyResults.length >= 20) {
        errors.push({
          line,
          code: 'keyResult.tooMany',
          message: 'At most 20 key results per objective.',
          field: 'keyResult',
        });
        continue;
      }
      planned.keyResults.push({ ...kr.data, line });
    }
    valid += 1;
  }
  if (read.overflow) errors.push(read.overflow);
  return { objectives: [...objectives.values()], errors, valid };
}

/**
 * Previews an OKR CSV import, or with `confirm` writes it: all rows are checked before the first
 * write, so a file with any bad row imports nothing (confirming it is a 400 naming the first bad
 * line). Owners and managers only.
 */
export async function importOkrs(
  stores: ObjectiveStores,
  caller: Caller,
  teamId: string,
  body: { readonly cycleId: string; readonly csv: string },
  confirm: boolean,
  newId: () => string,
  now: Date,
): Promise<Result<OkrImportResponse>> {
  const role = await roleIn(stores.teams, caller, teamId, true);
  if (!role.ok) return role;
  const org = await stores.organizations.getOrganization(caller.tenantId);
  if (!cycleById(body.cycleId, org?.value.fiscalStartMonth ?? 1))
    return invalid('Unknown cycle.', 'cycleId');
  const members = await stores.teams.listMembers(caller.tenantId, teamId);
  const active = new Set(members.filter((m) => m.active).map((m) => m.userId));
  const parsed = parseOkrCsv(body.csv, body.cycleId, caller.userId, (id) => active.has(id));
  const preview = parsed.objectives.map((o) => ({
    title: o.title,
    keyResults: o.keyResults.map((k) => ({
      title: k.title,
      type: k.type,
      baseline: k.baseline,
      target: k.target,
    })),
  }));
  const result = (imported: { objectives: number; keyResults: number }, ids: string[] = []) =>
    ok<OkrImportResponse>({
      confirmed: ids.length > 0,
      valid: parsed.valid,
      ...summariseRowErrors(parsed.errors),
      objectives: preview.map((p, i) => (ids[i] ? { ...p, id: ids[i] } : p)),
      imported,
    });
  if (!confirm) return result({ objectives: 0, keyResults: 0 });
  const first = parsed.errors[0];
  if (first)
    return invalid(
      `Line ${first.line}: ${first.message} Nothing was imported; fix the file and try again.`,
      'csv',
    );
  if (parsed.objectives.length === 0) return invalid('The file has no objectives.', 'csv');

  const at = now.toISOString();
  const ids: string[] = [];
  let keyResults = 0;
  for (const o of parsed.objectives) {
    const objective: Objective = {
      tenantId: caller.tenantId,
      id: newId(),
      teamId,
      cycleId: body.cycleId,
      level: 'team',
      title: o.title,
      ownerId: o.ownerId,
      parentIds: [],
      status: 'active',
      createdAt: at,
      updatedAt: at,
    };
    await stores.okrs.saveObjective(objective);
    ids.push(objective.id);
    for (const { line: _line, ...k } of o.keyResults) {
      const kr: KeyResult = {
        tenantId: caller.tenantId,
        id: newId(),
        teamId,
        objectiveId: objective.id,
        cycleId: body.cycleId,
        title: k.title,
        type: k.type,
        ...(k.unit ? { unit: k.unit } : {}),
        baseline: k.baseline,
        target: k.target,
        current: k.current ?? k.baseline,
        direction: k.direction ?? (k.target < k.baseline ? 'decrease' : 'increase'),
        ownerId: k.ownerId,
        confidence: k.confidence,
        status: 'active',
        createdAt: at,
        updatedAt: at,
      };
      await stores.okrs.saveKeyResult(kr);
      keyResults += 1;
    }
  }
  return result({ objectives: ids.length, keyResults }, ids);
}
