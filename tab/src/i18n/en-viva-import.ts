/**
 * English text of the "Import from Viva Goals" page. Kept out of `en` (which every view loads):
 * the page few people open loads its words with it.
 */
export const vivaImportMessages = {
  title: 'Import from Viva Goals',
  intro:
    'Drop the files your organisation exported from Viva Goals: the organisation export (a zip, or its loose JSON files) or an Explorer export (CSV or XLSX). Bearing shows what it would import first and writes nothing until you apply.',
  adminsOnly: {
    title: 'Only Bearing admins can import',
    body: 'Importing from Viva Goals writes the whole organisation’s OKRs. Ask an admin (Entra app role Bearing.Admin) to do it.',
  },
  back: 'Back to Import and export',
  files: {
    label: 'Viva Goals export files',
    hint: 'A zip, JSON, CSV or XLSX file; several at once are fine (at most 20 files, 40 MB).',
    drop: 'Drop the files here, or choose them.',
    dropping: 'Drop to add these files.',
    none: 'No files chosen yet.',
    chosen: (names: string) => `Chosen: ${names}`,
    reading: 'Reading the files…',
    unreadable: (name: string) => `${name} could not be read. Choose it again.`,
  },
  preview: 'Preview',
  previewAgain: 'Preview again with my changes',
  previewing: 'Mapping the files…',
  changed:
    'You changed some matches. Preview again to see their effect; apply uses them either way.',
  counts: {
    title: 'What the files hold',
    entity: 'Kind',
    count: 'Found',
    written: 'Written',
    names: {
      objectives: 'Objectives',
      keyResults: 'Key results',
      kpis: 'KPIs (guardrails)',
      checkIns: 'Check-ins',
      comments: 'Comments',
      cycles: 'Cycles',
      teams: 'Teams',
      people: 'People',
      unmatchedPeople: 'People matched to nobody',
      skipped: 'Rows not imported',
      warnings: 'Warnings',
      errors: 'Errors',
      readings: 'KPI readings',
    } as Record<string, string>,
  },
  cycles: {
    title: 'Time periods → cycles',
    period: 'Viva Goals period',
    cycle: 'Bearing cycle',
    items: 'Items',
    exact: 'Same dates',
    containing: 'Maps to the cycle that contains it',
    empty: 'The files name no time periods.',
  },
  teams: {
    title: 'Teams',
    viva: 'Viva Goals team',
    match: 'Bearing team',
    picker: (team: string) => `Bearing team for ${team}`,
    newTeam: 'A new Bearing team',
    how: {
      name: 'Same name',
      override: 'Your choice',
      new: 'New team',
    } as Record<string, string>,
    notListed: 'Named by items, not in the Teams file',
    parent: (name: string) => `Parent: ${name}`,
    empty: 'The files name no teams: the items become company objectives.',
  },
  people: {
    title: 'People',
    intro:
      'People are matched by e-mail, then by display name. Assign the ones matched to nobody, or leave their items ownerless and flagged, to assign later.',
    viva: 'Viva Goals person',
    owns: 'Owns',
    match: 'Bearing member',
    picker: (person: string) => `Bearing member for ${person}`,
    nobody: 'Nobody: ownerless and flagged',
    how: {
      email: 'Same e-mail',
      name: 'Same name',
      override: 'Your choice',
      unmatched: 'Matched to nobody',
    } as Record<string, string>,
    ambiguous: 'Several members have this name',
    more: (n: number) => `and ${n} more`,
    change: 'Change',
    changeLabel: (person: string) => `Change the member for ${person}`,
    nothing: 'Owns nothing',
    empty: 'The files name no people.',
  },
  options: {
    title: 'Choices',
    guardrails: (n: number) =>
      `${n} “Stay Above” or “Stay Below” outcome${n === 1 ? '' : 's'}: import as`,
    asKeyResult: 'Key results',
    asKpi: 'KPIs with that range, guarding their objective',
    label: (label: string) => `What is a “${label}”?`,
    meanings: {
      unset: 'Not imported until you say',
      objective: 'An objective',
      keyResult: 'A key result',
      initiative: 'A project (milestone)',
      ignore: 'Ignore these rows',
    } as Record<string, string>,
  },
  decisions: {
    title: 'How things map',
    subject: 'What',
    decision: 'Becomes',
    count: 'Times',
  },
  issues: {
    title: 'Warnings and errors',
    severity: 'Kind',
    message: 'What to know',
    source: 'Where',
    error: 'Error',
    warning: 'Warning',
    empty: 'No warnings.',
    blocking: (n: number) =>
      `${n} error${n === 1 ? '' : 's'} must be fixed before importing. Nothing is written until then.`,
  },
  skipped: {
    title: 'Rows not imported',
    source: 'Where',
    reason: 'Why',
    empty: 'Every row can be imported.',
  },
  listed: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
  apply: 'Import',
  applying: 'Importing…',
  progress: (done: number, total: number) =>
    total === 0 ? 'Starting…' : `Writing: ${done} of ${total} done`,
  progressDone: 'Import finished',
  result: {
    title: 'Imported',
    written: (n: number) =>
      n === 0
        ? 'Nothing was written: everything in these files was already imported.'
        : `${n} item${n === 1 ? '' : 's'} created or changed.`,
    interrupted:
      'The import stopped before it finished. What was written stays: import again to finish it.',
  },
  report: {
    csv: 'Download the report (CSV)',
    json: 'Download the report (JSON)',
  },
};

export type VivaImportMessages = typeof vivaImportMessages;
